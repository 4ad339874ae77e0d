import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createIngest, SEEN_RETENTION_MS } from '../../../src/renderer/src/sync'
import { readTimeline as timeline } from '../../../src/renderer/src/db/alert-reads'
import type { Alert } from '../../../src/shared/domain'
import { confirmDeleted, freshDb, pollEvent, relayEvent, webhook } from './support'

const domainAlert = (id: string, updatedAt: string, patch: Partial<Alert> = {}): Alert => ({
  id,
  tinyId: '1',
  alias: id,
  message: `m ${id}`,
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt,
  ...patch,
})

/** Opsgenie list records, as main's poller and reconciler send them (gateway/intake/payloads.ts). */
const record = (id: string, updatedAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  tinyId: 3,
  message: `m ${id}`,
  status: 'open',
  acknowledged: false,
  priority: 'P2',
  tags: ['db'],
  teams: [{ id: 'team-1' }],
  responders: [{ type: 'team', id: 'team-1' }],
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt,
  ...extra,
})

describe('poll and reconcile payloads', () => {
  it('upserts polled alerts and incidents, never going back to an older version', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    await ingest.applyBatch([
      pollEvent(
        { kind: 'alert', alert: record('a1', '2026-11-27T00:05:00.000Z', { acknowledged: true }) },
        'poll:5:0',
      ),
      pollEvent({ kind: 'alert', alert: record('a1', '2026-11-27T00:01:00.000Z') }, 'poll:6:0'),
      pollEvent(
        {
          kind: 'incident',
          incident: {
            id: 'i1',
            message: 'outage',
            status: 'resolved',
            priority: 'P1',
            createdAt: '2026-11-27T00:00:00Z',
          },
        },
        'poll:6:7',
      ),
    ])
    expect(await db.alerts.get('a1')).toMatchObject({
      acknowledged: true,
      tinyId: '3',
      teams: ['team-1'],
      priorityRank: 2,
      needsAck: 0,
    })
    expect(await db.incidents.get('i1')).toMatchObject({ status: 'resolved', priorityRank: 1 })
    expect(await db.cursors.get('poll')).toMatchObject({ cursor: 'poll:6:7' })
  })

  it('a relay event newer than a polled row wins; an older one only adds its entry', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const ms = Date.parse('2026-11-27T00:05:00.000Z')
    await ingest.applyBatch([
      pollEvent({ kind: 'alert', alert: record('a1', new Date(ms).toISOString()) }),
    ])
    await ingest.applyBatch([relayEvent(webhook('Close', 'a1', `${ms - 1}000000`), ms)])
    expect(await db.alerts.get('a1')).toMatchObject({ status: 'open' })
    await ingest.applyBatch([relayEvent(webhook('Close', 'a1', `${ms}000001`), ms)])
    expect(await db.alerts.get('a1')).toMatchObject({ status: 'closed' })
    expect(await timeline(db, 'alert', 'a1')).toHaveLength(2)
  })

  it('reconciliation closes cached open alerts no longer open upstream, unless changed since', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const startedAt = Date.parse('2026-11-27T01:00:00.000Z')
    await ingest.applyAlerts(
      ['gone', 'kept', 'fresh'].map((id) =>
        domainAlert(id, id === 'fresh' ? '2026-11-27T01:00:01.000Z' : '2026-11-27T00:00:00.000Z'),
      ),
    )
    await ingest.applyBatch([
      pollEvent(
        { kind: 'alert', reconcileId: 'r1', alert: record('kept', '2026-11-27T00:00:00.000Z') },
        'relay:9',
        'reconcile',
      ),
      pollEvent(
        { kind: 'open-alerts', reconcileId: 'r1', startedAt, alertIds: ['kept'] },
        'relay:9',
        'reconcile',
      ),
    ])
    expect((await db.alerts.get('gone'))?.status).toBe('closed')
    expect((await db.alerts.get('kept'))?.status).toBe('open')
    expect((await db.alerts.get('fresh'))?.status).toBe('open') // changed after the snapshot began
    expect(await timeline(db, 'alert', 'gone')).toMatchObject([
      { kind: 'closed', action: 'Reconcile', at: `${startedAt}000000` },
    ])
    // Running the same result again changes nothing.
    await ingest.applyOpenAlerts({ reconcileId: 'r1', startedAt, alertIds: ['kept'] })
    expect(await db.activity.count()).toBe(1)
  })

  it('applyAlerts: a list read before a webhook arrived keeps it; a newer list row wins', async () => {
    const db = await freshDb()
    const at = Date.parse('2026-11-27T00:05:00Z')
    let now = at - 1_000 // the list was fetched a second before the webhook arrived
    const ingest = createIngest(db, { now: () => now })
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'a1', `${at}000001`), at)])
    const stale = domainAlert('a1', '2026-11-27T00:05:00.000Z', { message: 'old' })
    expect(await ingest.applyAlerts([stale])).toBe(0)
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: true })
    expect(await ingest.applyAlerts([{ ...stale, updatedAt: '2026-11-27T00:06:00.000Z' }])).toBe(1)
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: false, message: 'old' })
    // A list read older than one already applied changes nothing, however late it was fetched.
    now = at + 60 * 60_000
    expect(await ingest.applyAlerts([stale])).toBe(0)
  })

  it('prunes deletion tombstones older than the relay retention, keeping newer ones', async () => {
    const db = await freshDb()
    let now = Date.parse('2026-11-27T00:00:00Z')
    const ingest = createIngest(db, { now: () => now })
    await ingest.applyBatch([relayEvent(webhook('Delete', 'a1', '1700000000000000001'), now)])
    await confirmDeleted(db, now)
    await ingest.applyBatch([
      relayEvent(webhook('Delete', 'a2', '1700000000000000002'), now + SEEN_RETENTION_MS),
    ])
    await confirmDeleted(db, now + SEEN_RETENTION_MS)
    now += SEEN_RETENTION_MS + 1
    expect(await ingest.pruneSeen()).toBe(1)
    expect((await db.seenEvents.toArray()).map((s) => s.key)).toEqual(['deleted|a2'])
  })
})
