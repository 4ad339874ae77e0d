import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { incidentCreatedBy, type CommandSpec } from '../../../src/renderer/src/outbox/commands'
import { createOutboxEngine, type OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import type { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { isActive } from '../../../src/renderer/src/outbox/record'
import type { AlertRecord } from '../../../src/simulator/index'
import {
  markerCounts,
  modelAlert,
  modelIncident,
  transitionsOf,
  type AlertOp,
  type IncidentOp,
} from './model'
import { freshDb, seeded, startRelayedRig, startRig, until, type Rig } from './support'
import { startWsPort, type Loss, type WsPort } from './ws-port'

/**
 * Random commands over random entities with random faults (429s from tight simulator limits,
 * 5xx, resets, dropped responses), browser mode's WebSocket to main lost around calls (before
 * main saw one, while it acted, after it acted; calls made while it reconnects are never sent)
 * and renderer "crashes" (the engine dropped mid-replay and a new one started on the same
 * database) must leave the simulator as if each lane's commands had been applied once, in order.
 */
const SETTINGS = {
  backoffBaseMs: 20,
  backoffCapMs: 250,
  followIntervalMs: 5,
  reconcileAfterMs: 1_500,
  /** Short, so both a webhook's confirmation and the follow after the window happen. */
  observeWindowMs: 300,
}

const alertEntity = fc.record({
  kind: fc.constant('alert' as const),
  queuedCreate: fc.boolean(),
  ops: fc.array(fc.constantFrom<AlertOp>('ack', 'unack', 'close', 'note'), { maxLength: 5 }),
})
const incidentEntity = fc.record({
  kind: fc.constant('incident' as const),
  queuedCreate: fc.constant(true),
  ops: fc.array(fc.constantFrom<IncidentOp>('resolve', 'close', 'reopen', 'note'), {
    maxLength: 4,
  }),
})
const scenario = fc.record({
  entities: fc.array(fc.oneof(alertEntity, alertEntity, incidentEntity), {
    minLength: 1,
    maxLength: 3,
  }),
  faults: fc.record({
    errorRate: fc.constantFrom(0, 0.1, 0.2),
    resetRate: fc.constantFrom(0, 0.05, 0.1),
    dropResponseRate: fc.constantFrom(0, 0.1, 0.2),
  }),
  transportLoss: fc.constantFrom(0, 0.05, 0.15),
  tightLimit: fc.boolean(),
  crashAfterCalls: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 2 }),
  /** The relay is live: commands are confirmed by their own webhooks (issue 12, item 2). */
  observe: fc.boolean(),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

interface Lane {
  kind: 'alert' | 'incident'
  ops: string[]
  /** Alias (alerts) or the create command id (incidents). */
  key: string
  noteIds: string[]
  alertId?: string
}

async function run(s: Scenario): Promise<void> {
  const limits = s.tightLimit
    ? { alert: { perSecond: 6, perMinute: 10_000 }, incident: { perSecond: 4, perMinute: 10_000 } }
    : undefined
  const simOptions = {
    processingDelayMs: 2,
    random: seeded(s.seed),
    ...(limits ? { rateLimits: limits } : {}),
  }
  const budgets = {
    alert: { perSecond: 40, perMinute: 5000 },
    incident: { perSecond: 40, perMinute: 5000 },
  }
  const relayed = s.observe ? await startRelayedRig(simOptions, budgets) : undefined
  const rig: Rig = relayed ?? (await startRig(simOptions, budgets))
  const db: OutboxDb = await freshDb()
  const random = seeded(s.seed + 1)
  const ws: WsPort = await startWsPort(rig, { lose: loser(s.transportLoss, seeded(s.seed + 2)) })
  const port = ws.port
  const newEngine = (): OutboxEngine =>
    createOutboxEngine({
      db,
      port,
      workspaceId: rig.workspaceId,
      settings: SETTINGS,
      random,
      observing: () => s.observe,
    })
  let engine = newEngine()
  relayed?.watch((seen) => engine.observe(seen))
  const crash = async (): Promise<void> => {
    // Calls in flight still finish in main after the renderer died, possibly after the new
    // engine started: reconcileAfterMs (1.5 s here) is what keeps those from being missed.
    engine.stop()
    engine = newEngine()
    await engine.start()
  }
  try {
    const lanes = await seedEntities(rig, s)
    rig.sim.setFaults(s.faults)
    await engine.start()
    await enqueueInterleaved(() => engine, lanes, random)
    const crashes = [...s.crashAfterCalls].sort((a, b) => a - b)
    await until(
      'every command finished',
      async () => {
        if (crashes.length > 0 && ws.calls.length >= (crashes[0] ?? 0)) {
          crashes.shift()
          await crash()
        }
        return (await db.commands.toArray()).every((c) => !isActive(c))
      },
      60_000,
    )
    await until('simulator processed every request', () =>
      [...rig.sim.state.requests.values()].every((r) => r.processed !== undefined),
    )
    check(rig, lanes)
  } finally {
    for (const code of ws.codes) transportCodes.set(code, (transportCodes.get(code) ?? 0) + 1)
    engine.stop()
    await ws.close()
    await rig.close()
    db.close()
  }
}

/** Loses a `rate` share of the calls the server receives, each in one of the three ways. */
function loser(rate: number, random: () => number): (channel: string) => Loss | undefined {
  const ways: Loss[] = ['before-dispatch', 'during-dispatch', 'after-dispatch']
  return () => (random() < rate ? ways[Math.floor(random() * ways.length)] : undefined)
}

/** Error codes the transport answered with, over all runs: proof the faults fired. */
const transportCodes = new Map<string, number>()

/** Pre-existing alerts are created before faults are on; queued creates go through the outbox. */
async function seedEntities(rig: Rig, s: Scenario): Promise<Lane[]> {
  const lanes: Lane[] = []
  for (const [i, e] of s.entities.entries()) {
    if (e.kind === 'alert' && !e.queuedCreate) {
      const alias = `pre-${i}`
      await rig.port.alerts.create({ workspaceId: rig.workspaceId, message: `pre ${i}`, alias })
      await until('pre-existing alert', () =>
        [...rig.sim.state.alerts.values()].some((a) => a.alias === alias),
      )
      const alertId = [...rig.sim.state.alerts.values()].find((a) => a.alias === alias)?.id
      lanes.push({
        kind: 'alert',
        ops: e.ops,
        key: alias,
        noteIds: [],
        ...(alertId ? { alertId } : {}),
      })
    } else {
      lanes.push({ kind: e.kind, ops: ['create', ...e.ops], key: '', noteIds: [] })
    }
  }
  return lanes
}

function specFor(lane: Lane, op: string): CommandSpec {
  if (lane.kind === 'incident') {
    const incidentId = incidentCreatedBy(lane.key)
    switch (op) {
      case 'create':
        return { kind: 'incidents:create', input: { message: 'queued incident' } }
      case 'note':
        return { kind: 'incidents:addNote', input: { incidentId, note: 'incident note' } }
      default:
        return { kind: `incidents:${op as 'resolve' | 'close' | 'reopen'}`, input: { incidentId } }
    }
  }
  const target =
    lane.alertId !== undefined
      ? { alertId: lane.alertId, by: 'id' as const }
      : { alertId: lane.key, by: 'alias' as const }
  switch (op) {
    case 'create':
      return { kind: 'alerts:create', input: { message: 'queued alert' } }
    case 'ack':
      return { kind: 'alerts:acknowledge', input: target }
    case 'unack':
      return { kind: 'alerts:unacknowledge', input: target }
    case 'close':
      return { kind: 'alerts:close', input: target }
    default:
      return { kind: 'alerts:addNote', input: { ...target, note: 'a note' } }
  }
}

async function enqueueInterleaved(
  engine: () => OutboxEngine,
  lanes: Lane[],
  random: () => number,
): Promise<void> {
  const cursors = lanes.map(() => 0)
  for (;;) {
    const open = lanes
      .map((_, i) => i)
      .filter((i) => (cursors[i] ?? 0) < (lanes[i]?.ops.length ?? 0))
    if (open.length === 0) return
    const i = open[Math.floor(random() * open.length)] ?? 0
    const lane = lanes[i] as Lane
    const op = lane.ops[cursors[i] ?? 0] ?? ''
    cursors[i] = (cursors[i] ?? 0) + 1
    const command = await engine().enqueue(specFor(lane, op))
    if (op === 'create')
      lane.key = command.kind === 'alerts:create' ? String(command.input.alias) : command.id
    if (op === 'note') lane.noteIds.push(command.id)
  }
}

function check(rig: Rig, lanes: Lane[]): void {
  const alerts = [...rig.sim.state.alerts.values()]
  for (const lane of lanes) {
    const ops = lane.ops.filter((op) => op !== 'create')
    if (lane.kind === 'alert') {
      const matching = alerts.filter((a) => a.alias === lane.key)
      expect(matching, `one alert for alias ${lane.key}`).toHaveLength(1)
      const alert = matching[0] as AlertRecord
      const model = modelAlert(ops as AlertOp[])
      expect({ status: alert.status, acknowledged: alert.acknowledged }).toEqual({
        status: model.status,
        acknowledged: model.acknowledged,
      })
      expect(transitionsOf(alert)).toEqual(model.transitions)
      expectNotesOnceInOrder(alert.notes, lane.noteIds)
    } else {
      const tag = `ondeck-${lane.key}`
      const incidents = [...rig.sim.state.incidents.values()].filter((i) => i.tags.includes(tag))
      expect(incidents, `one incident tagged ${tag}`).toHaveLength(1)
      expect(incidents[0]?.status).toBe(modelIncident(ops as IncidentOp[]))
      expectNotesOnceInOrder(incidents[0]?.notes ?? [], lane.noteIds)
    }
  }
}

function expectNotesOnceInOrder(notes: readonly { note: string }[], ids: readonly string[]): void {
  const counts = markerCounts(notes)
  expect(
    [...counts.values()].every((n) => n === 1),
    'no duplicate note',
  ).toBe(true)
  const order = notes
    .map((n) => /\[ondeck:([^\]]+)\]$/.exec(n.note)?.[1])
    .filter((m) => m !== undefined)
  expect(order).toEqual(ids)
}

describe('outbox replay (property)', () => {
  it('applies each lane once, in order, whatever the faults and crashes', async () => {
    await fc.assert(fc.asyncProperty(scenario, run), { numRuns: 18, endOnFailure: true })
    expect(transportCodes.get('transport-lost') ?? 0, 'calls lost after sending').toBeGreaterThan(0)
    expect(transportCodes.get('not-sent') ?? 0, 'calls never sent').toBeGreaterThan(0)
  }, 180_000)
})
