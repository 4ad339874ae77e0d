import { ApiError } from './api-error'
import { ALERT_QUERY_FIELDS, alertQueryable } from './alert-view'
import { QuerySyntaxError, checkFields, evaluate, parseQuery, type QueryNode } from './query'
import type { AlertRecord } from './store'

const SORT_KEYS: Record<string, (a: AlertRecord) => string | number | boolean> = {
  createdAt: (a) => a.createdAt,
  updatedAt: (a) => a.updatedAt,
  tinyId: (a) => Number(a.tinyId),
  alias: (a) => a.alias,
  message: (a) => a.message,
  status: (a) => a.status,
  acknowledged: (a) => a.acknowledged,
  isSeen: (a) => a.isSeen,
  snoozed: (a) => a.snoozedUntil !== undefined,
  snoozedUntil: (a) => a.snoozedUntil ?? 0,
  count: (a) => a.count,
  lastOccurredAt: (a) => a.lastOccurredAt,
  source: (a) => a.source,
  owner: (a) => a.owner,
  priority: (a) => a.priority,
  'integration.name': (a) => a.integration.name,
  'integration.type': (a) => a.integration.type,
  'report.ackTime': (a) => a.report.ackTime ?? 0,
  'report.closeTime': (a) => a.report.closeTime ?? 0,
  'report.acknowledgedBy': (a) => a.report.acknowledgedBy ?? '',
  'report.closedBy': (a) => a.report.closedBy ?? '',
}

/** Parses `query` for alerts, turning grammar problems into a 422 that names them. */
export function parseSearch(
  query: string | undefined,
  fields: Readonly<Record<string, 'text' | 'contains' | 'number' | 'bool' | 'list'>>,
): QueryNode | undefined {
  try {
    const node = parseQuery(query ?? '')
    if (node) checkFields(node, fields)
    return node
  } catch (error) {
    if (error instanceof QuerySyntaxError)
      throw new ApiError(422, `Invalid query: ${error.message}`)
    throw error
  }
}

export function searchAlerts(
  alerts: Iterable<AlertRecord>,
  query: Record<string, string>,
  now: number,
): AlertRecord[] {
  const node = parseSearch(query.query, ALERT_QUERY_FIELDS)
  const sort = query.sort ?? 'createdAt'
  const key = SORT_KEYS[sort]
  if (!key)
    throw new ApiError(
      422,
      `sort must be one of ${Object.keys(SORT_KEYS).join(', ')}, got '${sort}'`,
    )
  const order = query.order ?? 'desc'
  if (order !== 'asc' && order !== 'desc')
    throw new ApiError(422, `order must be asc or desc, got '${order}'`)
  const matched = [...alerts].filter((a) => !node || evaluate(node, alertQueryable(a, now)))
  const sign = order === 'asc' ? 1 : -1
  // Ties fall back to tinyId so paging is stable between requests.
  return matched.sort((x, y) => {
    const a = key(x)
    const b = key(y)
    if (a < b) return -sign
    if (a > b) return sign
    return sign * (Number(x.tinyId) - Number(y.tinyId))
  })
}
