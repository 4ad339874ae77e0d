import Dexie from 'dexie'
import type { AlertStatus, IncidentStatus, Priority } from '../../../shared/domain'
import type { CacheDb } from './cache-db'
import { priorityRank } from './derive'
import type { ActivityRow, AlertRow, CursorRow, IncidentRow, OnCallRow, ServiceRow } from './rows'

/**
 * Reads the views use, each a plain promise of an array: the views wrap them in `liveQuery`.
 * "Most urgent first" is priority ascending (P1 first), then newest first within a priority.
 */
export interface AlertFilter {
  readonly status?: AlertStatus
  readonly priorities?: readonly Priority[]
  /** Team id or team name (as responder). */
  readonly team?: string
  /** Only alerts owned by this username. */
  readonly owner?: string
  readonly acknowledged?: boolean
  /** Words that must all appear in message, alias, tiny id, entity or tags. */
  readonly search?: string
}

export async function openAlertsByPriority(db: CacheDb, limit: number): Promise<AlertRow[]> {
  return queryAlerts(db, { status: 'open' }, limit)
}

export async function queryAlerts(
  db: CacheDb,
  filter: AlertFilter,
  limit: number,
): Promise<AlertRow[]> {
  const statuses: AlertStatus[] = filter.status === undefined ? ['open', 'closed'] : [filter.status]
  const ranks = (filter.priorities ?? ['P1', 'P2', 'P3', 'P4', 'P5'])
    .map(priorityRank)
    .sort((a, b) => a - b)
  const matches = alertPredicate(filter)
  const out: AlertRow[] = []
  for (const status of statuses) {
    for (const rank of ranks) {
      if (out.length >= limit) return out
      const rows = await db.alerts
        .where('[status+priorityRank+createdMs]')
        .between([status, rank, Dexie.minKey], [status, rank, Dexie.maxKey])
        .reverse()
        .filter(matches)
        .limit(limit - out.length)
        .toArray()
      out.push(...rows)
    }
  }
  return out
}

function alertPredicate(filter: AlertFilter): (row: AlertRow) => boolean {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const team = filter.team
  return (row) =>
    (filter.owner === undefined || row.owner === filter.owner) &&
    (filter.acknowledged === undefined || row.acknowledged === filter.acknowledged) &&
    (team === undefined ||
      row.teams.includes(team) ||
      row.responders.some((r) => r.type === 'team' && (r.id === team || r.name === team))) &&
    words.every((w) => row.searchText.includes(w))
}

export async function alertById(db: CacheDb, id: string): Promise<AlertRow | undefined> {
  return db.alerts.get(id)
}

/** Aliases are unique among open alerts only; the newest alert with the alias wins. */
export async function alertByAlias(db: CacheDb, alias: string): Promise<AlertRow | undefined> {
  const rows = await db.alerts.where('alias').equals(alias).toArray()
  return rows.sort((a, b) =>
    a.status === b.status ? b.createdMs - a.createdMs : a.status === 'open' ? -1 : 1,
  )[0]
}

/** Oldest first; `at` is epoch-ns text of equal length for any date between 2001 and 2286. */
export async function timeline(
  db: CacheDb,
  kind: 'alert' | 'incident',
  id: string,
): Promise<ActivityRow[]> {
  return db.activity
    .where('[subjectKind+subjectId+at]')
    .between([kind, id, Dexie.minKey], [kind, id, Dexie.maxKey])
    .toArray()
}

export async function incidentsByStatus(
  db: CacheDb,
  status: IncidentStatus,
  limit = Infinity,
): Promise<IncidentRow[]> {
  const rows = await db.incidents.where('status').equals(status).toArray()
  // Priority ascending, newest first within a priority.
  return rows
    .sort((a, b) => a.priorityRank - b.priorityRank || b.createdMs - a.createdMs)
    .slice(0, limit)
}

export async function services(db: CacheDb): Promise<ServiceRow[]> {
  return db.services.orderBy('name').toArray()
}

export async function onCalls(db: CacheDb): Promise<OnCallRow[]> {
  const rows = await db.onCalls.toArray()
  return rows.sort((a, b) => a.scheduleName.localeCompare(b.scheduleName))
}

/** The cursor to hand to `intake:start`: the most recently written of the relay and poll cursors. */
export async function latestCursor(db: CacheDb): Promise<CursorRow | undefined> {
  const rows = await db.cursors.toArray()
  return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0]
}
