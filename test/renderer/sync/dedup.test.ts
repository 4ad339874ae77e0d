import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { readTimeline } from '../../../src/renderer/src/db/alert-reads'
import { createIngest, SEEN_RETENTION_MS } from '../../../src/renderer/src/sync'
import { applyChunk } from '../../../src/renderer/src/sync/apply-chunk'
import { prepareChunk } from '../../../src/renderer/src/sync/prepare-chunk'
import {
  confirmDeleted,
  createKeys,
  freshDb,
  relayEvent,
  timelineCount,
  timelineEntries,
  webhook,
} from './support'

const T0 = Date.parse('2026-11-27T00:00:00Z')
const HOUR = 3_600_000

/** Dedup rides on the timeline entry (keyed by the delivery key), not on a seen-events row. */
describe('repeat deliveries without seen-event rows', () => {
  it('rejects a repeat delivered after 24 hours and after pruning', async () => {
    const db = await freshDb()
    let now = T0
    const ingest = createIngest(db, { now: () => now })
    const ack = webhook('Acknowledge', 'a1', '1700000000000000002')
    await ingest.applyBatch([relayEvent(webhook('Create', 'a1', '1700000000000000001'), now)])
    expect((await ingest.applyBatch([relayEvent(ack, now)])).changes).toHaveLength(1)
    now += 24 * HOUR + SEEN_RETENTION_MS
    await ingest.pruneSeen()
    // The newest event again: applied anew it would rewrite the row and report a change.
    const result = await ingest.applyBatch([relayEvent(ack, now)])
    expect(result.changes).toEqual([])
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: true })
    expect(await timelineCount(db)).toBe(2)
    expect(await db.seenEvents.count()).toBe(0)
  })

  it('remembers every Create delivery on the one Create entry, in one chunk or across chunks', async () => {
    const db = await freshDb()
    const ingest = createIngest(db, { chunkSize: 1 })
    const first = webhook('Create', 'a1', '1700000000000000001', { teams: ['t1'] })
    const routed = webhook('Create', 'a1', '1700000000000000003', { teams: ['t2'] })
    await ingest.applyBatch([relayEvent(first), relayEvent(routed)])
    const again = await createIngest(db).applyBatch([relayEvent(routed), relayEvent(first)])
    expect(again.changes).toEqual([])
    const create = (await timelineEntries(db)).find((e) => e.id === 'a1|Create')
    expect(create).toMatchObject({ at: '1700000000000000001' })
    expect(await createKeys(db, 'a1')).toEqual([
      'a1|Create|1700000000000000001',
      'a1|Create|1700000000000000003',
    ])
    expect(await db.alerts.get('a1')).toMatchObject({ teams: ['t1', 't2'] })
  })

  it('a repeated Create that arrives first within a chunk is applied once', async () => {
    const db = await freshDb()
    const create = relayEvent(webhook('Create', 'a1', '1700000000000000001'))
    const result = await createIngest(db).applyBatch([create, create, create])
    expect(result.changes.map((c) => c.kind)).toEqual(['created'])
    expect(await timelineCount(db)).toBe(1)
  })
})

describe('tombstones', () => {
  it('keep a deleted alert deleted, also when there are more than one chunk scans', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const deletes = ['a1', 'a2', 'a3'].map((id, i) =>
      relayEvent(webhook('Delete', id, `170000000000000000${i}`)),
    )
    await ingest.applyBatch(deletes)
    await confirmDeleted(db) // Opsgenie answers 404 for each
    const late = (id: string, ns: string): ReturnType<typeof relayEvent> =>
      relayEvent(webhook('AddNote', id, ns, { note: 'late' }))
    // Past the scan limit (2 here) the chunk looks up its own alerts' tombstones instead.
    for (const [limit, ns] of [
      [2, '1700000000000000008'],
      [10, '1700000000000000009'],
    ] as const) {
      const chunk = prepareChunk([late('a2', ns), late('b1', ns)])
      expect(await applyChunk(db, chunk, { tombstoneScanLimit: limit })).toMatchObject({
        applied: 2,
      })
      expect(await db.alerts.get('a2')).toBeUndefined()
      expect(await db.activity.get(`a2|AddNote|${ns}`)).toBeDefined()
    }
    expect(await db.alerts.get('b1')).toMatchObject({ message: 'alert b1' })
    expect(await db.seenEvents.count()).toBe(3)
  })
})

describe('creations on the alert row (issue 12: one write per alert)', () => {
  it('writes no timeline row for a Create; the timeline reads the entry off the alert', async () => {
    const db = await freshDb()
    await createIngest(db).applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000001')),
      relayEvent(webhook('Acknowledge', 'a1', '1700000000000000002')),
    ])
    expect(await db.activity.count()).toBe(1)
    expect((await readTimeline(db, 'alert', 'a1')).map((e) => [e.id, e.kind])).toEqual([
      ['a1|Create', 'created'],
      ['a1|Acknowledge|1700000000000000002', 'acknowledged'],
    ])
  })

  it('still recognises a repeat Create recorded on an entry of its own by an older cache', async () => {
    const db = await freshDb()
    const key = 'a1|Create|1700000000000000001'
    const create = relayEvent(webhook('Create', 'a1', '1700000000000000001'))
    await createIngest(db).applyBatch([create])
    // As a cache written before creations moved onto the row: an entry of its own, no `created`.
    const row = await db.alerts.get('a1')
    const entry = (await readTimeline(db, 'alert', 'a1'))[0]
    if (row === undefined || entry === undefined) throw new Error('the Create did not land')
    const { created: _created, ...legacy } = row
    await db.alerts.put(legacy)
    await db.activity.put({ ...entry, seenKeys: [key] })
    const again = await createIngest(db).applyBatch([create])
    expect(again.changes).toEqual([])
    expect(await db.alerts.get('a1')).not.toHaveProperty('created')
    expect((await readTimeline(db, 'alert', 'a1')).map((e) => e.id)).toEqual(['a1|Create'])
  })
})
