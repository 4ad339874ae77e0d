import type Database from 'better-sqlite3'
import type { RetentionPolicy } from './event-store.js'

/** Pages given back per pass, so one pass after a storm never stalls the event loop for long. */
const VACUUM_PAGES_PER_PASS = 25_600
const INCREMENTAL = 2

export interface SqliteRetention {
  prune(policy: RetentionPolicy): number
  /** Bytes in use by the database: its pages minus the free ones. */
  usedBytes(): number
}

/**
 * Freed pages go back to the file system only with `auto_vacuum = INCREMENTAL`, which a new file
 * gets before its first table; a file from an older relay needs one full VACUUM to switch (it
 * rewrites the file once, on the first start after the upgrade). Call before creating tables.
 */
export function useIncrementalVacuum(db: Database.Database): void {
  db.pragma('auto_vacuum = INCREMENTAL')
  if (db.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL) db.exec('VACUUM')
}

/** Time- and size-based pruning of the `events` table, then giving the space back. */
export function createSqliteRetention(db: Database.Database): SqliteRetention {
  const cutoffId = db.prepare<[number]>('SELECT MAX(id) FROM events WHERE received_at < ?').pluck()
  const idRange = db.prepare<[], { first: number | null; last: number | null }>(
    'SELECT MIN(id) AS first, MAX(id) AS last FROM events',
  )
  const deleteThrough = db.prepare<[number]>('DELETE FROM events WHERE id <= ?')
  const setPruned = db.prepare<[number]>(
    "INSERT INTO meta (key, value) VALUES ('pruned_through', ?) ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)",
  )
  const pragma = (name: string): number => Number(db.pragma(name, { simple: true }))

  // Prunes by id so the "pruned through" mark and the delete agree even if clocks step back.
  const pruneThrough = db.transaction((through: number): number => {
    setPruned.run(through)
    return deleteThrough.run(through).changes
  })
  const usedBytes = (): number =>
    (pragma('page_count') - pragma('freelist_count')) * pragma('page_size')

  /** Oldest first until under the cap; index pages empty unevenly, so it measures again. */
  const pruneToSize = (maxBytes: number): number => {
    let removed = 0
    for (let used = usedBytes(); used > maxBytes; used = usedBytes()) {
      const { first, last } = idRange.get() ?? { first: null, last: null }
      if (first === null || last === null) break
      const rows = last - first + 1
      const excess = Math.ceil(((used - maxBytes) / used) * rows)
      removed += pruneThrough(first + Math.max(excess, Math.ceil(rows / 100)) - 1)
    }
    return removed
  }

  return {
    usedBytes,
    prune({ before, maxBytes }) {
      const through = cutoffId.get(before) as number | null
      let removed = through === null ? 0 : pruneThrough(through)
      if (maxBytes !== undefined) removed += pruneToSize(maxBytes)
      if (pragma('freelist_count') > 0) {
        db.pragma(`incremental_vacuum(${VACUUM_PAGES_PER_PASS})`)
        // The shorter file reaches the disk only at a checkpoint; TRUNCATE also empties the WAL.
        db.pragma('wal_checkpoint(TRUNCATE)')
      }
      return removed
    },
  }
}
