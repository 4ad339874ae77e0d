import { afterEach, describe, expect, it } from 'vitest'
import {
  createOutboxEngine,
  systemOutboxClock,
  type OutboxEngine,
  type OutboxEngineOptions,
} from '../../../src/renderer/src/outbox/engine'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { incidentCreatedBy } from '../../../src/renderer/src/outbox/commands'
import type { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'
import type { SimulatorOptions } from '../../../src/simulator/index'
import { freshDb, startRig, until, type Rig } from './support'

const FAST = { backoffBaseMs: 20, backoffCapMs: 200, followIntervalMs: 5, reconcileAfterMs: 50 }
const BUDGET = {
  alert: { perSecond: 100, perMinute: 6000 },
  incident: { perSecond: 100, perMinute: 6000 },
}

describe('outbox engine against the real gateway and simulator', () => {
  let rig: Rig | undefined
  let engine: OutboxEngine | undefined
  afterEach(async () => {
    engine?.stop()
    await rig?.close()
    rig = undefined
  })

  async function setup(
    sim: Partial<SimulatorOptions> = {},
    extra: Partial<OutboxEngineOptions> = {},
    start = true,
  ): Promise<{ rig: Rig; db: OutboxDb; engine: OutboxEngine }> {
    rig = await startRig({ processingDelayMs: 2, ...sim }, BUDGET)
    const db = await freshDb()
    engine = createOutboxEngine({
      db,
      port: rig.port,
      workspaceId: rig.workspaceId,
      settings: FAST,
      ...extra,
    })
    if (start) await engine.start()
    return { rig, db, engine }
  }
  const allDone = (db: OutboxDb) => async () =>
    (await db.commands.toArray()).every((c) => !['queued', 'waiting', 'sent'].includes(c.state))
  const byId = async (db: OutboxDb, id: string): Promise<OutboxCommand | undefined> =>
    db.commands.where('id').equals(id).first()

  it('creates an alert and acts on it by alias while the create is still queued, in order', async () => {
    const { rig, db, engine } = await setup()
    const create = await engine.enqueue({ kind: 'alerts:create', input: { message: 'Disk full' } })
    const alias = String(create.input['alias'])
    const target = { alertId: alias, by: 'alias' as const }
    await engine.enqueue({ kind: 'alerts:acknowledge', input: target })
    const note = await engine.enqueue({
      kind: 'alerts:addNote',
      input: { ...target, note: 'on it' },
    })
    await engine.enqueue({ kind: 'alerts:close', input: target })
    await until('all confirmed', async () =>
      (await db.commands.toArray()).every((c) => c.state === 'confirmed'),
    )
    const alerts = [...rig.sim.state.alerts.values()].filter((a) => a.alias === alias)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ status: 'closed', acknowledged: true })
    expect(alerts[0]?.notes.map((n) => n.note)).toEqual([`on it\n\n[ondeck:${note.id}]`])
    expect(alerts[0]?.logs.map((l) => l.log.split(' by ')[0])).toEqual(
      expect.arrayContaining(['Alert acknowledged', 'Alert closed']),
    )
    expect((await byId(db, create.id))?.entityId).toBe(alerts[0]?.id)
  })

  it('runs a queued incident create before the commands that wait for its id', async () => {
    const { rig, db, engine } = await setup()
    const create = await engine.enqueue({ kind: 'incidents:create', input: { message: 'Outage' } })
    const incidentId = incidentCreatedBy(create.id)
    await engine.enqueue({ kind: 'incidents:addNote', input: { incidentId, note: 'looking' } })
    await engine.enqueue({ kind: 'incidents:resolve', input: { incidentId } })
    await until('all done', allDone(db))
    const incidents = [...rig.sim.state.incidents.values()]
    expect(incidents).toHaveLength(1)
    expect(incidents[0]).toMatchObject({ status: 'resolved', tags: [`ondeck-${create.id}`] })
    expect(incidents[0]?.notes).toHaveLength(1)
  })

  it('fails a command Opsgenie refuses for good, says why, and moves the lane on', async () => {
    const { rig, db, engine } = await setup()
    await rig.port.alerts.create({ workspaceId: rig.workspaceId, message: 'x', alias: 'known' })
    await until('alert exists', () => rig.sim.state.alerts.size === 1)
    const target = { alertId: 'known', by: 'alias' as const }
    const past = await engine.enqueue({
      kind: 'alerts:snooze',
      input: { ...target, endTime: '2020-01-01T00:00:00Z' },
    })
    const ack = await engine.enqueue({ kind: 'alerts:acknowledge', input: target })
    const missing = await engine.enqueue({
      kind: 'alerts:close',
      input: { alertId: 'no-such-alert' },
    })
    await until('all done', allDone(db))
    expect(await byId(db, past.id)).toMatchObject({ state: 'failed', failure: { kind: 'invalid' } })
    expect((await byId(db, ack.id))?.state).toBe('confirmed')
    expect(await byId(db, missing.id)).toMatchObject({
      state: 'failed',
      failure: { message: expect.stringMatching(/not exist|not found/i) },
    })
  })

  it('pauses the workspace on 403 and sends nothing more until resumed', async () => {
    const { rig, db, engine } = await setup({ keys: [{ key: 'k-global', kind: 'account' }] })
    const sends = (): number =>
      rig.calls.filter((c) => /^alerts:(acknowledge|close)$/.test(c)).length
    const ack = await engine.enqueue({ kind: 'alerts:acknowledge', input: { alertId: 'a1' } })
    await until('paused', async () => (await byId(db, ack.id))?.wait?.reason === 'paused')
    expect(await db.pauses.get(rig.workspaceId)).toMatchObject({
      reason: expect.stringMatching(/API key|integration/i),
    })
    const close = await engine.enqueue({ kind: 'alerts:close', input: { alertId: 'a2' } })
    expect(sends()).toBe(1)
    await engine.resume()
    await until(
      'both paused again',
      async () =>
        (await byId(db, close.id))?.wait?.reason === 'paused' &&
        (await byId(db, ack.id))?.wait?.reason === 'paused',
    )
    // Each command was sent once after resume; the close was never sent while paused.
    expect(sends()).toBe(3)
  })

  it('asks before sending a stale command, expires an old one, and cancels an unsent one', async () => {
    let offset = 0
    const clock = { ...systemOutboxClock, now: () => Date.now() + offset }
    const { rig, db, engine: first } = await setup({}, { clock }, false)
    await rig.port.alerts.create({ workspaceId: rig.workspaceId, message: 'x', alias: 'known' })
    await until('alert exists', () => rig.sim.state.alerts.size === 1)
    const target = { alertId: 'known', by: 'alias' as const }
    const ack = await first.enqueue({ kind: 'alerts:acknowledge', input: target })
    const other = await first.enqueue({
      kind: 'alerts:addNote',
      input: { alertId: 'other', note: 'x' },
    })
    const cancelled = await first.enqueue({ kind: 'alerts:close', input: { alertId: 'third' } })
    await first.cancel(cancelled.id)
    offset += 40 * 60_000
    await first.start()
    await until('asks', async () => (await byId(db, ack.id))?.wait?.reason === 'confirm')
    expect(rig.calls.filter((c) => c.startsWith('alerts:ack'))).toEqual([])
    await first.confirm(ack.id)
    await until('confirmed', async () => (await byId(db, ack.id))?.state === 'confirmed')
    offset += 24 * 3_600_000
    first.stop()
    const second = createOutboxEngine({
      db,
      port: rig.port,
      workspaceId: rig.workspaceId,
      settings: FAST,
      clock,
    })
    engine = second
    await second.start()
    await until('expired', async () => (await byId(db, other.id))?.state === 'expired')
    expect((await byId(db, cancelled.id))?.state).toBe('cancelled')
    expect(rig.calls.filter((c) => c === 'alerts:addNote' || c === 'alerts:close')).toEqual([])
  })

  it('reconciles a send cut off by a crash: confirms what happened, sends what did not, once', async () => {
    const { rig, db } = await setup({}, {}, false)
    await rig.port.alerts.create({ workspaceId: rig.workspaceId, message: 'x', alias: 'known' })
    await until('alert exists', () => rig.sim.state.alerts.size === 1)
    await rig.port.alerts.acknowledge({
      workspaceId: rig.workspaceId,
      alertId: 'known',
      by: 'alias',
    })
    await until('acked', () => [...rig.sim.state.alerts.values()][0]?.acknowledged === true)
    const target = { alertId: 'known', by: 'alias' as const }
    // Rows as a renderer killed right after the write-ahead would have left them.
    const crashed = (c: OutboxCommand): OutboxCommand => ({ ...c, maybeSent: true, nextAt: 0 })
    const ack = crashed(
      newCommand({ kind: 'alerts:acknowledge', input: target }, rig.workspaceId, Date.now()),
    )
    const note = crashed(
      newCommand(
        { kind: 'alerts:addNote', input: { ...target, note: 'n' } },
        rig.workspaceId,
        Date.now(),
      ),
    )
    await db.commands.bulkAdd([ack, note])
    const before = rig.calls.length
    await (engine as OutboxEngine).start()
    await until('all done', allDone(db))
    const after = rig.calls.slice(before)
    expect(after).not.toContain('alerts:acknowledge')
    expect(after.filter((c) => c === 'alerts:addNote')).toHaveLength(1)
    expect(after).toContain('alerts:notes')
    expect([...rig.sim.state.alerts.values()][0]?.notes).toHaveLength(1)
  })
})
