import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import { createIngest } from '../../../src/renderer/src/sync'
import { alertRecord, domainAlert, freshDb, nsOf, pollEvent, relayEvent, webhook } from './support'

/** The relay's clock when the attack arrives; every webhook below is received around it. */
const T = Date.parse('2026-11-27T00:00:00Z')
const MINUTE = 60_000
/** Year 2255: what the forged Close claimed. */
const FAR_FUTURE_NS = '9000000000000000000'

const poll = (id: string, updatedAtMs: number, receivedAt: number, extra = {}) =>
  pollEvent(
    { kind: 'alert', alert: alertRecord(id, new Date(updatedAtMs).toISOString(), extra) },
    'poll:1:1',
    'poll',
    receivedAt,
  )

describe('webhook timestamps far ahead of the relay', () => {
  it('clamps them to the relay receivedAt and records the clamp in diagnostics', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([relayEvent(webhook('Create', 'p1', nsOf(T - MINUTE)), T - MINUTE)])
    const forged = webhook('Close', 'p1', FAR_FUTURE_NS)
    await ingest.applyBatch([relayEvent(forged, T)])
    expect(await db.alerts.get('p1')).toMatchObject({ status: 'closed', versionNs: `0${nsOf(T)}` })
    const [diagnostic] = await db.diagnostics.toArray()
    expect(diagnostic?.reason).toMatch(/time .*ahead of the relay's receivedAt.*clamped/)
    expect(diagnostic?.raw).toContain(FAR_FUTURE_NS)
  })

  it('a forged far-future Close does not pin the alert: a real Acknowledge applies, a poll reopens it', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T + 2 * MINUTE })
    await ingest.applyBatch([relayEvent(webhook('Create', 'p1', nsOf(T - MINUTE)), T - MINUTE)])
    await ingest.applyBatch([relayEvent(webhook('Close', 'p1', FAR_FUTURE_NS), T)])
    await ingest.applyBatch([
      relayEvent(webhook('Acknowledge', 'p1', nsOf(T + MINUTE)), T + MINUTE),
    ])
    expect(await db.alerts.get('p1')).toMatchObject({ acknowledged: true })
    // The poll reads Opsgenie: the alert is open and acknowledged there.
    await ingest.applyBatch([poll('p1', T + MINUTE, T + 2 * MINUTE, { acknowledged: true })])
    expect(await db.alerts.get('p1')).toMatchObject({
      status: 'open',
      acknowledged: true,
      needsAck: 0,
    })
  })

  it('does not trust a far-future version already stored in the cache', async () => {
    const db = await freshDb()
    await db.alerts.put({
      ...toAlertRow(domainAlert('p1', { status: 'closed' })),
      versionNs: `0${FAR_FUTURE_NS}`,
    })
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'p1', nsOf(T)), T)])
    expect(await db.alerts.get('p1')).toMatchObject({
      acknowledged: true,
      versionNs: `0${nsOf(T)}`,
    })
  })
})

describe('API reads override webhook-derived state', () => {
  it('a poll read after a forged Close reopens the alert, though the Close claims to be newer', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([relayEvent(webhook('Create', 'p1', nsOf(T - 60 * MINUTE)), T)])
    // Four minutes ahead: within the clock-skew allowance, so not clamped.
    await ingest.applyBatch([relayEvent(webhook('Close', 'p1', nsOf(T + 4 * MINUTE)), T)])
    expect(await db.alerts.get('p1')).toMatchObject({ status: 'closed' })
    // The real alert last changed an hour ago; the read was made a minute after the Close arrived.
    await ingest.applyBatch([poll('p1', T - 60 * MINUTE, T + MINUTE, { priority: 'P1' })])
    expect(await db.alerts.get('p1')).toMatchObject({ status: 'open', priority: 'P1' })
    // A webhook that is really newer than the read still applies after it.
    await ingest.applyBatch([
      relayEvent(webhook('Acknowledge', 'p1', nsOf(T + 2 * MINUTE)), T + 2 * MINUTE),
    ])
    expect(await db.alerts.get('p1')).toMatchObject({ status: 'open', acknowledged: true })
  })

  it('a reconciliation read overrides a forged Acknowledge', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([relayEvent(webhook('Create', 'p1', nsOf(T - 60 * MINUTE)), T)])
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'p1', nsOf(T)), T)])
    await ingest.applyBatch([
      pollEvent(
        {
          kind: 'alert',
          reconcileId: 'r1',
          alert: alertRecord('p1', new Date(T - 60 * MINUTE).toISOString()),
        },
        '',
        'reconcile',
        T + MINUTE,
      ),
    ])
    expect(await db.alerts.get('p1')).toMatchObject({ acknowledged: false, needsAck: 1 })
  })

  it("a reconciliation's reads date from when its listing began, not from when they arrived", async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([relayEvent(webhook('Create', 'p1', nsOf(T - 60 * MINUTE)), T)])
    // A real Acknowledge arrives while a long reconciliation is still listing (begun 20 s earlier).
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'p1', nsOf(T)), T)])
    const run = { reconcileId: 'r1', startedAt: T - 20_000 }
    const stale = alertRecord('p1', new Date(T - 60 * MINUTE).toISOString())
    await ingest.applyBatch([
      pollEvent({ kind: 'alert', ...run, alert: stale }, '', 'reconcile', T + MINUTE),
      pollEvent({ kind: 'open-alerts', ...run, alertIds: ['p1'] }, '', 'reconcile', T + MINUTE),
    ])
    expect(await db.alerts.get('p1')).toMatchObject({ acknowledged: true })
  })

  it('a read made before a webhook arrived does not undo it, nor does an older read', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T })
    await ingest.applyBatch([poll('p1', T - 60 * MINUTE, T - 30 * MINUTE)])
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'p1', nsOf(T)), T)])
    // Fetched before the Acknowledge arrived (a page in flight): the webhook stays.
    await ingest.applyBatch([poll('p1', T - 60 * MINUTE, T - 1_000)])
    expect(await db.alerts.get('p1')).toMatchObject({ acknowledged: true })
    // A newer read, then an older one delivered late: the older one changes nothing.
    await ingest.applyBatch([
      poll('p1', T + MINUTE, T + 2 * MINUTE, { acknowledged: true, priority: 'P2' }),
    ])
    await ingest.applyBatch([poll('p1', T - 60 * MINUTE, T + 3 * MINUTE)])
    expect(await db.alerts.get('p1')).toMatchObject({ acknowledged: true, priority: 'P2' })
  })

  it('applyAlerts (a list result read now) overrides a forged Close', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { now: () => T + MINUTE })
    await ingest.applyBatch([relayEvent(webhook('Close', 'p1', nsOf(T + 4 * MINUTE)), T)])
    const listed = domainAlert('p1', { message: 'real' })
    expect(await ingest.applyAlerts([listed])).toBe(1)
    expect(await db.alerts.get('p1')).toMatchObject({ status: 'open', message: 'real' })
  })
})
