import type { CacheDb } from '../db/cache-db'
import type { PendingDeleteRow } from '../db/rows'

export const tombstoneKey = (alertId: string): string => `deleted|${alertId}`
const PREFIX = tombstoneKey('')

/** More tombstones than this and a chunk looks up its own alerts' keys instead of reading all. */
export const TOMBSTONE_SCAN_LIMIT = 2_000

/**
 * The ids of deleted alerts among `alertIds`, read inside the caller's transaction. Deletes are
 * rare and tombstones live 72 h, so reading every tombstone key (usually none) in one request is
 * far cheaper than one lookup per alert of the chunk, which nearly always misses. Past the limit
 * (a mass deletion) it falls back to exactly those lookups.
 */
export async function readTombstones(
  db: CacheDb,
  alertIds: readonly string[],
  scanLimit = TOMBSTONE_SCAN_LIMIT,
): Promise<Set<string>> {
  if (alertIds.length === 0) return new Set()
  const all = await db.seenEvents
    .where('key')
    .startsWith(PREFIX)
    .limit(scanLimit + 1)
    .primaryKeys()
  if (all.length <= scanLimit) {
    const wanted = new Set(alertIds)
    return new Set(all.map((k) => k.slice(PREFIX.length)).filter((id) => wanted.has(id)))
  }
  const rows = await db.seenEvents.bulkGet(alertIds.map(tombstoneKey))
  return new Set(alertIds.filter((_, i) => rows[i] !== undefined))
}

/**
 * The pending deletions (Delete webhooks awaiting the API's verdict) among `alertIds`. Like
 * tombstones they are rare, so one read of the whole table beats a lookup per alert of the chunk;
 * past the limit it looks up exactly those alerts.
 */
export async function readPendingDeletes(
  db: CacheDb,
  alertIds: readonly string[],
  scanLimit = TOMBSTONE_SCAN_LIMIT,
): Promise<PendingDeleteRow[]> {
  if (alertIds.length === 0) return []
  const all = await db.pendingDeletes.limit(scanLimit + 1).toArray()
  if (all.length <= scanLimit) {
    const wanted = new Set(alertIds)
    return all.filter((p) => wanted.has(p.alertId))
  }
  const rows = await db.pendingDeletes.bulkGet([...alertIds])
  return rows.filter((p): p is PendingDeleteRow => p !== undefined)
}
