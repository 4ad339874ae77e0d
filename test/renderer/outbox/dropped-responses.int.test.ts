import { describe, expect, it } from 'vitest'
import { createOutboxEngine } from '../../../src/renderer/src/outbox/engine'
import type { CommandSpec } from '../../../src/renderer/src/outbox/commands'
import { markerCounts, modelAlert, transitionsOf, type AlertOp } from './model'
import { freshDb, seeded, startRelayedRig, startRig, until } from './support'

/**
 * The simulator applies a request and then drops its response for 20% of requests (actions,
 * status polls and lookups alike) over 1,000 commands: every create, note and transition must
 * show up exactly once.
 */
const LANES = 50
const PER_LANE = 20

describe('dropped responses', () => {
  // with the relay live, commands are also confirmed by their own webhooks (issue 12, item 2)
  it.each([
    { name: 'followed by request id', observe: false },
    { name: 'the relay live, confirmed by observation', observe: true },
  ])(
    '1,000 commands, a fifth of the responses dropped after applying ($name): zero duplicate effects',
    async ({ observe }) => {
      const random = seeded(20)
      const simOptions = {
        processingDelayMs: 0,
        random: seeded(7),
        rateLimits: { alert: { perSecond: 10_000, perMinute: 600_000 } },
      }
      const budgets = { alert: { perSecond: 5_000, perMinute: 300_000 } }
      const relayed = observe ? await startRelayedRig(simOptions, budgets) : undefined
      const rig = relayed ?? (await startRig(simOptions, budgets))
      const db = await freshDb()
      const engine = createOutboxEngine({
        db,
        port: rig.port,
        workspaceId: rig.workspaceId,
        random,
        observing: () => observe,
        settings: {
          backoffBaseMs: 10,
          backoffCapMs: 100,
          followIntervalMs: 2,
          reconcileAfterMs: 20,
          observeWindowMs: 100,
        },
      })
      relayed?.watch((seen) => engine.observe(seen))
      try {
        rig.sim.setFaults({ dropResponseRate: 0.2 })
        const lanes = Array.from({ length: LANES }, () => ({
          alias: '',
          ops: [] as AlertOp[],
          notes: [] as string[],
        }))
        for (const lane of lanes) {
          const create = await engine.enqueue({
            kind: 'alerts:create',
            input: { message: 'dropped' },
          })
          lane.alias = String(create.input['alias'])
        }
        for (let i = 0; i < LANES * (PER_LANE - 1); i++) {
          const lane = lanes[i % LANES] as (typeof lanes)[number]
          const roll = random()
          const op: AlertOp =
            roll < 0.55 ? 'note' : roll < 0.75 ? 'ack' : roll < 0.95 ? 'unack' : 'close'
          lane.ops.push(op)
          const target = { alertId: lane.alias, by: 'alias' as const }
          const spec: CommandSpec =
            op === 'note'
              ? { kind: 'alerts:addNote', input: { ...target, note: `note ${i}` } }
              : op === 'ack'
                ? { kind: 'alerts:acknowledge', input: target }
                : op === 'unack'
                  ? { kind: 'alerts:unacknowledge', input: target }
                  : { kind: 'alerts:close', input: target }
          const command = await engine.enqueue(spec)
          if (op === 'note') lane.notes.push(command.id)
        }
        await engine.start()
        await until(
          'all 1,000 commands finished',
          async () =>
            (await db.commands.where('state').anyOf('queued', 'waiting', 'sent').count()) === 0,
          120_000,
          50,
        )
        await until('simulator processed every request', () =>
          [...rig.sim.state.requests.values()].every((r) => r.processed !== undefined),
        )
        const commands = await db.commands.toArray()
        expect(commands).toHaveLength(LANES * PER_LANE)
        expect(commands.filter((c) => c.state !== 'confirmed')).toEqual([])
        const alerts = [...rig.sim.state.alerts.values()]
        let notes = 0
        for (const lane of lanes) {
          const matching = alerts.filter((a) => a.alias === lane.alias)
          expect(matching).toHaveLength(1)
          const alert = matching[0]
          if (alert === undefined) continue
          expect(transitionsOf(alert)).toEqual(modelAlert(lane.ops).transitions)
          const counts = markerCounts(alert.notes)
          expect([...counts.keys()]).toEqual(lane.notes)
          expect([...counts.values()].every((n) => n === 1)).toBe(true)
          notes += counts.size
        }
        expect(notes).toBeGreaterThan(400)
        // The fault really fired: some sends were reconciled rather than followed.
        expect(commands.filter((c) => c.requestId === undefined).length).toBeGreaterThan(50)
      } finally {
        engine.stop()
        await rig.close()
        db.close()
      }
    },
    180_000,
  )
})
