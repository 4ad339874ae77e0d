import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createIngest } from '../../../src/renderer/src/sync'
import { freshDb, pollEvent, relayEvent, webhook } from './support'

describe('alert changes reported by ingest', () => {
  it('names created, acknowledged, closed and updated, once per alert per batch', async () => {
    const ingest = createIngest(await freshDb())
    const created = await ingest.applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000001')),
    ])
    expect(created.changes.map((c) => [c.kind, c.alert.id, c.live])).toEqual([
      ['created', 'a1', true],
    ])

    const acked = await ingest.applyBatch([
      relayEvent(webhook('Acknowledge', 'a1', '1700000000000000002')),
    ])
    expect(acked.changes.map((c) => c.kind)).toEqual(['acknowledged'])
    expect(acked.changes[0]?.alert.acknowledged).toBe(true)

    const noted = await ingest.applyBatch([
      relayEvent(webhook('AddNote', 'a1', '1700000000000000003')),
    ])
    expect(noted.changes.map((c) => c.kind)).toEqual(['updated'])

    const closed = await ingest.applyBatch([
      relayEvent(webhook('Close', 'a1', '1700000000000000004')),
    ])
    expect(closed.changes.map((c) => c.kind)).toEqual(['closed'])
  })

  it('reports nothing for a repeat delivery or an older event', async () => {
    const ingest = createIngest(await freshDb())
    const ack = webhook('Acknowledge', 'a1', '1700000000000000005')
    await ingest.applyBatch([relayEvent(ack)])
    expect((await ingest.applyBatch([relayEvent(ack)])).changes).toEqual([])
    const older = webhook('UnAcknowledge', 'a1', '1700000000000000001')
    expect((await ingest.applyBatch([relayEvent(older)])).changes).toEqual([])
  })

  it('marks changes from reconciliation as not live, so they never notify', async () => {
    const ingest = createIngest(await freshDb())
    await ingest.applyBatch([relayEvent(webhook('Create', 'a2', '1700000000000000001'))])
    const result = await ingest.applyBatch([
      pollEvent(
        { kind: 'open-alerts', reconcileId: 'r1', startedAt: Date.now(), alertIds: [] },
        '',
        'reconcile',
      ),
    ])
    expect(result.changes.map((c) => [c.kind, c.live])).toEqual([['closed', false]])
  })
})

describe('alerts first seen by reconciliation', () => {
  const alert = (id: string, createdAt: string) => ({
    id,
    tinyId: '1',
    alias: id,
    message: `alert ${id}`,
    status: 'open',
    acknowledged: false,
    priority: 'P1',
    createdAt,
    updatedAt: createdAt,
  })

  it('count as live when recent (raised while the app was closed or starting), not when old', async () => {
    const ingest = createIngest(await freshDb())
    const now = Date.now()
    const recent = new Date(now - 60_000).toISOString()
    const old = new Date(now - 3 * 3_600_000).toISOString()
    const result = await ingest.applyBatch([
      pollEvent(
        { kind: 'alert', reconcileId: 'r', alert: alert('fresh', recent) },
        '',
        'reconcile',
      ),
      pollEvent({ kind: 'alert', reconcileId: 'r', alert: alert('stale', old) }, '', 'reconcile'),
    ])
    expect(result.changes.map((c) => [c.alert.id, c.kind, c.live])).toEqual([
      ['fresh', 'created', true],
      ['stale', 'created', false],
    ])
  })
})
