import Dexie from 'dexie'
import { useEffect, useMemo } from 'react'
import type { CacheDb } from './cache-db'
import { createdActivity } from './derive'
import type { ActivityRow, AlertRow } from './rows'
import type { AlertFilters } from '../alerts/alert-view-store'
import { useAlertSet } from './alert-set'
import { firstScreenShown } from './first-screen'
import { useLiveQuery } from './use-live-query'

/** Reads the alerts a status filter can show, using the status index when it narrows. */
export function readAlerts(db: CacheDb, status: AlertFilters['status']): Promise<AlertRow[]> {
  return status === 'all' ? db.alerts.toArray() : db.alerts.where('status').equals(status).toArray()
}

/**
 * The most urgent alerts first (newest first within a priority), read straight off the
 * `[status+priorityRank+createdMs]` index: a few ms even when the cache holds 100,000 alerts.
 */
export async function readTopAlerts(
  db: CacheDb,
  status: AlertFilters['status'],
  limit: number,
): Promise<AlertRow[]> {
  if (status === 'all') return db.alerts.limit(limit).toArray()
  const rows: AlertRow[] = []
  for (let rank = 1; rank <= 5 && rows.length < limit; rank += 1) {
    const page = await db.alerts
      .where('[status+priorityRank+createdMs]')
      .between([status, rank, Dexie.minKey], [status, rank, Dexie.maxKey])
      .reverse()
      .limit(limit - rows.length)
      .toArray()
    rows.push(...page)
  }
  return rows
}

export const PREVIEW_ROWS = 200

/**
 * Every alert a status filter can show, live. Reading 100,000 rows out of IndexedDB takes
 * seconds, so the most urgent few hundred are answered first from the index and painted while
 * the full set loads (in pages, re-read at a pace its cost allows: `alert-set.ts`); `complete`
 * says which one the rows are.
 */
export function useAlertRows(
  db: CacheDb,
  status: AlertFilters['status'],
): { rows: AlertRow[] | undefined; complete: boolean } {
  const preview = useLiveQuery(() => readTopAlerts(db, status, PREVIEW_ROWS), [db, status])
  useEffect(() => {
    if (preview !== undefined) firstScreenShown(db)
  }, [db, preview])
  // the full set's pages start once the preview answered: queued first, they held it up
  const all = useAlertSet(db, status, preview !== undefined)
  const positions = useMemo(() => new Map(all?.map((row, i) => [row.id, i])), [all])
  const rows = useMemo(
    () => (all === undefined ? preview : withFresher(all, positions, preview)),
    [all, positions, preview],
  )
  return { rows, complete: all !== undefined }
}

/**
 * The full set with the live preview's rows laid over it. The set is re-read at its own pace, so
 * a read that began before a write can answer without a row the preview (live on every write)
 * already shows; the urgent rows must never drop out of the list until the next read. A preview
 * row replaces the set's copy when its version differs and is added when the set lacks it; the
 * set's array is answered unchanged (same identity) when it is current.
 */
export function withFresher(
  all: AlertRow[],
  positions: ReadonlyMap<string, number>,
  preview: readonly AlertRow[] | undefined,
): AlertRow[] {
  let merged: AlertRow[] | undefined
  for (const row of preview ?? []) {
    const at = positions.get(row.id)
    const current = at === undefined ? undefined : all[at]
    if (current !== undefined && current.versionNs === row.versionNs) continue
    merged ??= all.slice()
    if (at === undefined) merged.push(row)
    else merged[at] = row
  }
  return merged ?? all
}

export function useAlert(db: CacheDb, alertId: string | undefined): AlertRow | null | undefined {
  return useLiveQuery(
    async () => (alertId === undefined ? null : ((await db.alerts.get(alertId)) ?? null)),
    [db, alertId],
  )
}

/**
 * Timeline entries, oldest first; `at` is epoch ns text without padding, so compare by length then
 * text. An alert's creation comes from its row (`AlertRow.created`) unless the cache holds it as an
 * entry of its own (written before creations moved onto the row).
 */
export async function readTimeline(
  db: CacheDb,
  subjectKind: ActivityRow['subjectKind'],
  subjectId: string,
): Promise<ActivityRow[]> {
  const [rows, alert] = await Promise.all([
    db.activity
      .where('[subjectKind+subjectId+at]')
      .between([subjectKind, subjectId, ''], [subjectKind, subjectId, '\uffff'])
      .toArray(),
    subjectKind === 'alert' ? db.alerts.get(subjectId) : undefined,
  ])
  const created =
    alert?.created === undefined ? undefined : createdActivity(subjectId, alert.created)
  if (created !== undefined && !rows.some((r) => r.id === created.id)) rows.push(created)
  return rows.sort(byNanos)
}

export function byNanos(a: { at: string }, b: { at: string }): number {
  return a.at.length - b.at.length || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)
}

export function useTimeline(
  db: CacheDb,
  subjectKind: ActivityRow['subjectKind'],
  subjectId: string | undefined,
): ActivityRow[] | undefined {
  return useLiveQuery(
    () => (subjectId === undefined ? [] : readTimeline(db, subjectKind, subjectId)),
    [db, subjectKind, subjectId],
  )
}
