import { afterEach, describe, expect, it } from 'vitest'
import { createOutboxEngine, type OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import { noteMarker } from '../../../src/renderer/src/outbox/commands'
import type { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxSettingsInput } from '../../../src/renderer/src/outbox/settings'
import type { SimulatorOptions } from '../../../src/simulator/index'
import { freshDb, startRelayedRig, until, type RelayedRig } from './support'

/**
 * Confirmation by observation (issue 12, item 2) on the app's real live path: simulator webhooks
 * through an in-process relay, the gateway's relay stream, the app's ingest into a real cache,
 * and the outbox fed the changed rows and notes as the workspace screen feeds it.
 */
const BUDGET = {
  alert: { perSecond: 100, perMinute: 6000 },
  incident: { perSecond: 100, perMinute: 6000 },
}
/** A window far longer than these tests wait: a confirmation inside it came from a webhook. */
const LONG_WINDOW: OutboxSettingsInput = {
  observeWindowMs: 60_000,
  followIntervalMs: 5,
  backoffBaseMs: 20,
  backoffCapMs: 200,
}

describe('the outbox confirms a command by the webhook of its own action', () => {
  let rig: RelayedRig | undefined
  let engine: OutboxEngine | undefined
  afterEach(async () => {
    engine?.stop()
    await rig?.close()
    rig = undefined
  })

  async function setup(
    settings: OutboxSettingsInput,
    sim: Partial<SimulatorOptions> = {},
  ): Promise<{ rig: RelayedRig; db: OutboxDb; engine: OutboxEngine }> {
    rig = await startRelayedRig({ processingDelayMs: 20, ...sim }, BUDGET)
    const db = await freshDb()
    const live = rig
    engine = createOutboxEngine({
      db,
      port: live.port,
      workspaceId: live.workspaceId,
      settings,
      observing: () => true,
    })
    const running = engine
    live.watch((seen) => running.observe(seen))
    await engine.start()
    return { rig: live, db, engine }
  }

  const states = async (db: OutboxDb): Promise<string[]> =>
    (await db.commands.orderBy('seq').toArray()).map((c) => c.state)

  async function existingAlert(r: RelayedRig, alias: string): Promise<string> {
    await r.port.alerts.create({ workspaceId: r.workspaceId, message: `alert ${alias}`, alias })
    let id = ''
    await until('the alert exists and its webhook reached the cache', () => {
      id = [...r.sim.state.alerts.values()].find((a) => a.alias === alias)?.id ?? ''
      return id !== '' && r.events.some((e) => e.payload.kind === 'alert-event')
    })
    r.calls.length = 0
    return id
  }

  it('one request per command while the relay is live: no request-status follow for an acknowledgement, a note, a priority change or a create', async () => {
    const { rig, db, engine } = await setup(LONG_WINDOW)
    const alertId = await existingAlert(rig, 'observed-1')
    const target = { alertId }
    await engine.enqueue({ kind: 'alerts:acknowledge', input: target })
    const note = await engine.enqueue({
      kind: 'alerts:addNote',
      input: { ...target, note: 'looking' },
    })
    await engine.enqueue({ kind: 'alerts:setPriority', input: { ...target, priority: 'P1' } })
    const create = await engine.enqueue({
      kind: 'alerts:create',
      input: { message: 'Created offline' },
    })

    await until(
      'every command confirmed',
      async () => (await states(db)).every((s) => s === 'confirmed'),
      20_000,
    )
    // each command's own channel, once; never `requests:status` nor a reconciliation read
    expect([...rig.calls].sort()).toEqual(
      ['alerts:acknowledge', 'alerts:addNote', 'alerts:create', 'alerts:setPriority'].sort(),
    )
    const alert = rig.sim.state.alerts.get(alertId)
    expect(alert).toMatchObject({ acknowledged: true, priority: 'P1' })
    const marked = (alert?.notes ?? []).filter((n) => n.note.endsWith(noteMarker(note.id)))
    expect(marked).toHaveLength(1)
    const created = [...rig.sim.state.alerts.values()].find((a) => a.alias === create.input.alias)
    expect(created).toBeDefined()
    // the create's entity id came from the observed row, as a follow would have given it
    const stored = await db.commands.where('id').equals(create.id).first()
    expect(stored?.entityId).toBe(created?.id)
  })

  it('without webhooks it follows the request id once the window has passed', async () => {
    const { rig, db, engine } = await setup({ ...LONG_WINDOW, observeWindowMs: 200 })
    const alertId = await existingAlert(rig, 'observed-2')
    rig.dropWebhooks()
    await engine.enqueue({ kind: 'alerts:acknowledge', input: { alertId } })
    await until('confirmed', async () => (await states(db)).every((s) => s === 'confirmed'))
    expect(rig.calls).toContain('requests:status')
    expect(rig.sim.state.alerts.get(alertId)?.acknowledged).toBe(true)
  })

  it('an answer lost after Opsgenie applied it is confirmed by its webhook: no resend and no wait for reconciliation', async () => {
    // reconciliation would look only after a minute; the test gives up long before that
    const { rig, db, engine } = await setup({ ...LONG_WINDOW, reconcileAfterMs: 60_000 })
    const alertId = await existingAlert(rig, 'observed-3')
    rig.sim.setFaults({ dropResponseRate: 1 })
    const close = await engine.enqueue({ kind: 'alerts:close', input: { alertId } })
    await until(
      'confirmed by the Close webhook',
      async () => (await states(db)).every((s) => s === 'confirmed'),
      20_000,
    )
    expect(rig.calls).toEqual(['alerts:close'])
    expect(rig.sim.state.alerts.get(alertId)?.status).toBe('closed')
    const stored = await db.commands.where('id').equals(close.id).first()
    expect(stored).toMatchObject({ state: 'confirmed', maybeSent: false })
  })

  it('after a restart, a command that waited for its webhook is followed at once: one that came meanwhile is not seen again', async () => {
    const { rig, db, engine: first } = await setup(LONG_WINDOW)
    const alertId = await existingAlert(rig, 'observed-4')
    rig.dropWebhooks()
    const ack = await first.enqueue({ kind: 'alerts:acknowledge', input: { alertId } })
    await until('sent, waiting for its webhook', async () => {
      const row = await db.commands.where('id').equals(ack.id).first()
      return row?.state === 'sent'
    })
    first.stop()
    // a minute's window: only the restart's follow confirms it within the test's patience
    const second = createOutboxEngine({
      db,
      port: rig.port,
      workspaceId: rig.workspaceId,
      settings: LONG_WINDOW,
      observing: () => true,
    })
    engine = second
    await second.start()
    await until('confirmed by following its request', async () =>
      (await states(db)).every((state) => state === 'confirmed'),
    )
    expect(rig.calls).toContain('requests:status')
  })
})
