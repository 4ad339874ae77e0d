import { assertNever } from '../../../shared/assert-never'
import type { AlertRow, ServiceRow, TeamRow } from '../db/rows'
import type { AlertFilters, AlertSort } from './alert-view-store'
import { isMine, NO_SCOPE, type MyScope } from './mine'

/** Who "me" is and the directory rows the team and service filters refer to. */
export interface AlertQueryContext {
  readonly me?: string
  /** My teams and the schedules I am on call for (`myScope`); without it, "Mine" is what I own. */
  readonly mine?: MyScope
  readonly teams?: readonly TeamRow[]
  readonly services?: readonly ServiceRow[]
}

function searchTextOf(row: AlertRow): string {
  return (
    row.searchText ??
    [row.message, row.alias, row.entity ?? '', ...row.tags].join(' ').toLowerCase()
  )
}

/** Alerts name their teams by id or by name depending on the source; accept either. */
function inTeam(row: AlertRow, teamId: string, teams: readonly TeamRow[] | undefined): boolean {
  const name = teams?.find((t) => t.id === teamId)?.name
  return row.teams.some((t) => t === teamId || (name !== undefined && t === name))
}

/**
 * Opsgenie alerts carry no service field: an alert belongs to a service when it names it (tag,
 * entity or a `service` detail) or when it was routed to the service's owning team.
 */
function inService(
  row: AlertRow,
  service: ServiceRow,
  teams: readonly TeamRow[] | undefined,
): boolean {
  const name = service.name.toLowerCase()
  if (row.tags.some((t) => t.toLowerCase() === name)) return true
  if (row.entity?.toLowerCase() === name || row.details?.service?.toLowerCase() === name)
    return true
  return service.teamId !== undefined && inTeam(row, service.teamId, teams)
}

export function matchesFilters(
  row: AlertRow,
  filters: AlertFilters,
  terms: readonly string[],
  context: AlertQueryContext,
): boolean {
  if (filters.status !== 'all' && row.status !== filters.status) return false
  if (filters.priorities.length > 0 && !filters.priorities.includes(row.priority)) return false
  if (filters.acknowledged === 'yes' && !row.acknowledged) return false
  if (filters.acknowledged === 'no' && row.acknowledged) return false
  if (filters.mine && !isMine(row, context.me, context.mine ?? NO_SCOPE)) return false
  if (filters.team !== undefined && !inTeam(row, filters.team, context.teams)) return false
  if (filters.service !== undefined) {
    const service = context.services?.find((s) => s.id === filters.service)
    if (service === undefined || !inService(row, service, context.teams)) return false
  }
  if (terms.length > 0) {
    const text = searchTextOf(row)
    if (!terms.every((term) => text.includes(term))) return false
  }
  return true
}

export function searchTerms(search: string): string[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
}

/** A snooze counts until its end time; a row whose snooze ran out reads as open again. */
export function isSnoozedNow(
  row: Pick<AlertRow, 'snoozed' | 'snoozedUntil'>,
  now = Date.now(),
): boolean {
  if (!row.snoozed) return false
  return row.snoozedUntil === undefined || Date.parse(row.snoozedUntil) > now
}

/**
 * The latest snooze end at or before `now` (0 when none has passed): sorting and filtering as of
 * this time answer exactly what they answer as of `now`, since no snooze ends in between. The
 * list re-sorts when it changes, not on every tick of the clock (100,000 rows are ~100 ms).
 */
export function lastSnoozeEnd(rows: readonly AlertRow[], now: number): number {
  let last = 0
  for (const row of rows) {
    if (!row.snoozed || row.snoozedUntil === undefined) continue
    const end = Date.parse(row.snoozedUntil)
    if (end <= now && end > last) last = end
  }
  return last
}

/**
 * How much an alert needs a responder now, most first: open and unacknowledged (0), acknowledged
 * (1), snoozed (2), closed (3). The default order's first key.
 */
export function actionRank(row: AlertRow, now = Date.now()): number {
  if (row.status === 'closed') return 3
  if (isSnoozedNow(row, now)) return 2
  return row.acknowledged ? 1 : 0
}

function compare(sort: AlertSort, now: number): (a: AlertRow, b: AlertRow) => number {
  switch (sort) {
    case 'needs-action':
      return (a, b) =>
        actionRank(a, now) - actionRank(b, now) ||
        a.priorityRank - b.priorityRank ||
        b.createdMs - a.createdMs
    case 'priority':
      return (a, b) => a.priorityRank - b.priorityRank || b.createdMs - a.createdMs
    case 'newest':
      return (a, b) => b.createdMs - a.createdMs
    case 'oldest':
      return (a, b) => a.createdMs - b.createdMs
    case 'updated':
      return (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)
    default:
      return assertNever(sort, 'alert sort')
  }
}

/** Filters, searches and sorts in one pass over the rows read from the cache. */
export function queryAlerts(
  rows: readonly AlertRow[],
  filters: AlertFilters,
  search: string,
  sort: AlertSort,
  context: AlertQueryContext,
  now = Date.now(),
): AlertRow[] {
  const terms = searchTerms(search)
  return rows.filter((row) => matchesFilters(row, filters, terms, context)).sort(compare(sort, now))
}

/** Unacknowledged open P1/P2 alerts (not snoozed) are drawn to stand out. */
export function isUrgent(
  row: Pick<AlertRow, 'status' | 'acknowledged' | 'priority' | 'snoozed' | 'snoozedUntil'>,
  now = Date.now(),
): boolean {
  return (
    row.status === 'open' &&
    !row.acknowledged &&
    !isSnoozedNow(row, now) &&
    (row.priority === 'P1' || row.priority === 'P2')
  )
}
