import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { createIngest } from '../../../src/renderer/src/sync'
import { createKeys, freshDb, relayEvent, timelineCount, webhook } from './support'

/** The keys each `bulkGet` of a table was asked for, call by call. */
function lookups(table: { bulkGet(keys: string[]): Promise<unknown> }): string[][] {
  const asked: string[][] = []
  const real = table.bulkGet.bind(table)
  vi.spyOn(table, 'bulkGet').mockImplementation((keys: string[]) => {
    asked.push([...keys])
    return real(keys)
  })
  return asked
}

/**
 * An ingest that has read the cache's keys (it applied a1), then another connection (as the
 * page's own writes are) writes `events` for a2: the ingest still takes a2 for new.
 */
async function staleIngest(...events: string[]) {
  const db = await freshDb()
  const ingest = createIngest(db)
  await ingest.applyBatch([relayEvent(webhook('Create', 'a1', '1700000000000000001'))])
  const other = await new CacheDb(db.workspaceId).openOrExplain()
  await createIngest(other).applyBatch(events.map((e) => relayEvent(e)))
  other.close()
  return { db, ingest }
}

describe('alerts the ingest has never seen', () => {
  it('are written without a lookup of the alert or of its creation entry', async () => {
    const db = await freshDb()
    const alertsAsked = lookups(db.alerts)
    const activityAsked = lookups(db.activity)
    const ingest = createIngest(db)
    const created = await ingest.applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000001')),
      relayEvent(webhook('Create', 'a2', '1700000000000000002')),
    ])
    expect(created.changes.map((c) => [c.alert.id, c.kind])).toEqual([
      ['a1', 'created'],
      ['a2', 'created'],
    ])
    expect(alertsAsked.flat()).toEqual([])
    expect(activityAsked.flat()).toEqual([])
    // Known now: the next event for a1 reads its row and its would-be entry (the dedup record).
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'a1', '1700000000000000003'))])
    expect(alertsAsked.flat()).toEqual(['a1'])
    expect(activityAsked.flat()).toHaveLength(1)
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: true })
  })

  it('an alert another writer inserted meanwhile is merged with its row, never overwritten', async () => {
    const create = webhook('Create', 'a2', '1700000000000000002')
    const { db, ingest } = await staleIngest(
      create,
      webhook('Acknowledge', 'a2', '1700000000000000003'),
    )
    const alertsAsked = lookups(db.alerts)
    // A repeat of a2's Create: written blind it would reset a2 to unacknowledged.
    const repeat = await ingest.applyBatch([relayEvent(create)])
    expect(repeat.changes).toEqual([])
    expect(await db.alerts.get('a2')).toMatchObject({ acknowledged: true })
    expect(await createKeys(db, 'a2')).toEqual(['a2|Create|1700000000000000002'])
    expect(await timelineCount(db)).toBe(3)
    // The first try took a2 for new (no lookup); its add failed and the chunk ran again, reading.
    expect(alertsAsked).toEqual([[], ['a2']])
  })

  it('a stale guess in a mixed chunk rolls the whole chunk back: the retry still reports the new alert as created', async () => {
    const { db, ingest } = await staleIngest(webhook('Create', 'a2', '1700000000000000002'))
    const a3 = relayEvent(webhook('Create', 'a3', '1700000000000000004'))
    const result = await ingest.applyBatch([
      a3,
      relayEvent(webhook('Acknowledge', 'a2', '1700000000000000003')),
    ])
    // a write of the first try leaking through the abort would make a3 "updated" (no notification)
    expect(result.changes.map((c) => [c.alert.id, c.kind])).toEqual([
      ['a3', 'created'],
      ['a2', 'acknowledged'],
    ])
    expect((await db.cursors.get('relay'))?.cursor).toBeDefined()
    expect(await db.alerts.get('a2')).toMatchObject({ acknowledged: true })
  })

  it('an alert taken for new that gets no row to add is checked: a Delete still marks it', async () => {
    const { db, ingest } = await staleIngest(webhook('Create', 'a2', '1700000000000000002'))
    await ingest.applyBatch([relayEvent(webhook('Delete', 'a2', '1700000000000000003'))])
    expect(await db.alerts.get('a2')).toMatchObject({ deletion: 'pending' })
  })

  it('a creation entry of its own is never overwritten blind, though its alert has no row', async () => {
    const db = await freshDb()
    // Creates with nothing to build a row from (no message): their entry is their dedup record,
    // listing every Create key seen.
    const rowless = (ns: string) => relayEvent(webhook('Create', 'a2', ns, { message: undefined }))
    await createIngest(db).applyBatch([
      rowless('1700000000000000002'),
      rowless('1700000000000000005'),
    ])
    const entry = await db.activity.get('a2|Create')
    expect(entry?.seenKeys).toHaveLength(2)
    expect(await db.alerts.get('a2')).toBeUndefined()
    // The next session takes a2 for new (no row); the repeat must still be recognised.
    const repeat = await createIngest(db).applyBatch([rowless('1700000000000000002')])
    expect(repeat).toMatchObject({ changes: [], diagnostics: 0 })
    expect(await db.activity.get('a2|Create')).toEqual(entry)
  })
})
