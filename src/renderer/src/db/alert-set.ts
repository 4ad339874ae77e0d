import Dexie from 'dexie'
import { useEffect, useState } from 'react'
import type { AlertFilters } from '../alerts/alert-view-store'
import { yieldToMainThread } from '../ingest/yield'
import type { CacheDb } from './cache-db'
import type { AlertRow } from './rows'

/** Rows per read: a page's structured-clone decode stays a few ms on the page's thread. */
export const ALERT_PAGE = 2_000
/** Between re-reads after a write: at least this, and at least twice the last read's time. */
const MIN_REREAD_MS = 50
const MAX_REREAD_MS = 5_000

/**
 * Every alert a status filter can show, read in pages with a yield between them: one `toArray`
 * of 100,000 rows is a single task of several hundred ms on the page's thread (IndexedDB hands
 * the whole result over at once), a page of `ALERT_PAGE` is a few ms. Keys first (the status
 * index, or the table), then the rows by key; a row whose status changed in between is dropped
 * and the write that changed it triggers the next read.
 */
export async function readAlertsPaged(
  db: CacheDb,
  status: AlertFilters['status'],
  pause: () => Promise<void> = yieldToMainThread,
): Promise<AlertRow[]> {
  const keys =
    status === 'all'
      ? await db.alerts.toCollection().primaryKeys()
      : await db.alerts.where('status').equals(status).primaryKeys()
  const rows: AlertRow[] = []
  for (let i = 0; i < keys.length; i += ALERT_PAGE) {
    if (i > 0) await pause()
    const page = await db.alerts.bulkGet(keys.slice(i, i + ALERT_PAGE))
    for (const row of page)
      if (row !== undefined && (status === 'all' || row.status === status)) rows.push(row)
  }
  return rows
}

type Answer = { readonly rows: AlertRow[] } | { readonly error: unknown }

/**
 * `readAlertsPaged`, kept current. Not a `liveQuery`: that re-reads everything after every commit,
 * so while the ingest worker backfills 100,000 alerts in a few hundred transactions the page would
 * be decoding the whole table continuously. Here writes to `alerts` (from this page or, through
 * Dexie's BroadcastChannel, the worker) mark the set stale; one read runs at a time, the next no
 * sooner than twice the last one took. The most urgent rows stay live through `readTopAlerts`.
 * A failed read throws during render, as `useLiveQuery` does.
 */
export function useAlertSet(db: CacheDb, status: AlertFilters['status']): AlertRow[] | undefined {
  const [answer, setAnswer] = useState<Answer | undefined>(undefined)
  useEffect(() => {
    const table = `idb://${db.name}/alerts/`
    let stopped = false
    let running = false
    let stale = false
    let lastMs = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = async (): Promise<void> => {
      running = true
      stale = false
      const started = performance.now()
      try {
        const rows = await readAlertsPaged(db, status)
        if (!stopped) setAnswer({ rows })
      } catch (error) {
        if (!stopped) setAnswer({ error })
      }
      lastMs = performance.now() - started
      running = false
      if (stale) schedule()
    }
    const schedule = (): void => {
      if (stopped || running || timer !== undefined) return
      const wait = Math.min(MAX_REREAD_MS, Math.max(MIN_REREAD_MS, 2 * lastMs))
      timer = setTimeout(() => {
        timer = undefined
        void read()
      }, wait)
    }
    const onMutated = (parts: Record<string, unknown>): void => {
      if (!Object.keys(parts).some((part) => part.startsWith(table))) return
      stale = true
      schedule()
    }
    Dexie.on('storagemutated', onMutated)
    void read()
    return () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      Dexie.on('storagemutated').unsubscribe(onMutated)
    }
  }, [db, status])
  if (answer === undefined) return undefined
  if ('error' in answer) throw answer.error
  return answer.rows
}
