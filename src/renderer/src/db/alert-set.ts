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
 * the whole result over at once), a page of `ALERT_PAGE` is a few ms. Each page is one ranged
 * `getAll` (never `bulkGet`, which is one request and one success event per key): by primary key
 * for `all`, else along `[status+priorityRank+createdMs]`, one priority at a time. A write between
 * pages is picked up by the next read, which that write triggers.
 */
export async function readAlertsPaged(
  db: CacheDb,
  status: AlertFilters['status'],
  pause: () => Promise<void> = yieldToMainThread,
): Promise<AlertRow[]> {
  const rows: AlertRow[] = []
  await forEachAlertPage(db, status, (page) => rows.push(...page), pause)
  return rows
}

/**
 * `readAlertsPaged` for a reader that keeps less than the rows (a count, the ones that ring):
 * each page goes to `visit` and is then the reader's to drop.
 */
export async function forEachAlertPage(
  db: CacheDb,
  status: AlertFilters['status'],
  visit: (page: readonly AlertRow[]) => void,
  pause: () => Promise<void> = yieldToMainThread,
): Promise<void> {
  if (status === 'all') {
    let page = await db.alerts.orderBy(':id').limit(ALERT_PAGE).toArray()
    for (;;) {
      visit(page)
      const last = page.at(-1)
      if (page.length < ALERT_PAGE || last === undefined) return
      await pause()
      page = await db.alerts.where(':id').above(last.id).limit(ALERT_PAGE).toArray()
    }
  }
  for (let rank = 1; rank <= 5; rank += 1) {
    if (rank > 1) await pause()
    await readRank(db, status, rank, visit, pause)
  }
}

/**
 * One priority's rows of a status, in pages along the compound index. Its keys are not unique
 * (alerts created in the same ms), so each page starts at the last page's `createdMs` again and
 * skips the ids it already has there; a run of one `createdMs` longer than a page is read whole.
 */
async function readRank(
  db: CacheDb,
  status: string,
  rank: number,
  visit: (page: readonly AlertRow[]) => void,
  pause: () => Promise<void>,
): Promise<void> {
  const index = db.alerts.where('[status+priorityRank+createdMs]')
  let from: number = -Infinity
  let seen = new Set<string>()
  for (;;) {
    const page = await index
      .between([status, rank, from], [status, rank, Infinity], true, true)
      .limit(ALERT_PAGE)
      .toArray()
    const last = page.at(-1)
    if (last !== undefined && page.length === ALERT_PAGE && page[0]?.createdMs === last.createdMs) {
      // Every row of this page shares one createdMs: take that whole run, then move past it.
      const run = await index.equals([status, rank, last.createdMs]).toArray()
      visit(run.filter((r) => !seen.has(r.id)))
      seen = new Set()
      from = last.createdMs
      const next = await index
        .between([status, rank, from], [status, rank, Infinity], false, true)
        .limit(ALERT_PAGE)
        .toArray()
      if (next.length === 0) return
      await pause()
      from = next[0]?.createdMs ?? from
      continue
    }
    visit(page.filter((r) => !(r.createdMs === from && seen.has(r.id))))
    if (last === undefined || page.length < ALERT_PAGE) return
    const atLast = page.filter((r) => r.createdMs === last.createdMs).map((r) => r.id)
    seen = new Set(last.createdMs === from ? [...seen, ...atLast] : atLast)
    from = last.createdMs
    await pause()
  }
}

export type Answer<T> = { readonly value: T } | { readonly error: unknown }

/**
 * Runs `read` now and again after writes to `db`'s alerts, throttled: from this page or, through
 * Dexie's BroadcastChannel, the ingest worker, a write marks the answer stale; one read runs at a
 * time, the next no sooner than twice the last one took. Not a `liveQuery`: that re-reads after
 * every commit, so while the worker backfills 100,000 alerts in a few hundred transactions the
 * page would be decoding the whole table continuously. Returns the stop function.
 */
export function watchAlerts<T>(
  db: CacheDb,
  read: () => Promise<T>,
  onAnswer: (answer: Answer<T>) => void,
): () => void {
  const table = `idb://${db.name}/alerts/`
  let stopped = false
  let running = false
  let stale = false
  let lastMs = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = async (): Promise<void> => {
    running = true
    stale = false
    const started = performance.now()
    try {
      const value = await read()
      if (!stopped) onAnswer({ value })
    } catch (error) {
      if (!stopped) onAnswer({ error })
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
      void run()
    }, wait)
  }
  const onMutated = (parts: Record<string, unknown>): void => {
    if (!Object.keys(parts).some((part) => part.startsWith(table))) return
    stale = true
    schedule()
  }
  Dexie.on('storagemutated', onMutated)
  void run()
  return () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    Dexie.on('storagemutated').unsubscribe(onMutated)
  }
}

/**
 * `readAlertsPaged`, kept current by `watchAlerts`. The most urgent rows stay live through
 * `readTopAlerts`. A failed read throws during render, as `useLiveQuery` does.
 */
export function useAlertSet(
  db: CacheDb,
  status: AlertFilters['status'],
  /** False until the caller wants the reading to begin. */
  start = true,
): AlertRow[] | undefined {
  const [answer, setAnswer] = useState<Answer<AlertRow[]> | undefined>(undefined)
  useEffect(
    () => (start ? watchAlerts(db, () => readAlertsPaged(db, status), setAnswer) : undefined),
    [db, status, start],
  )
  if (answer === undefined) return undefined
  if ('error' in answer) throw answer.error
  return answer.value
}
