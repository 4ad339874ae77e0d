import { ApiError } from './api-error'
import { ALERT_QUERY_FIELDS, UNDOCUMENTED_ALERT_FIELDS, alertQueryable } from './alert-view'
import { QuerySyntaxError, checkFields, evaluate, parseQuery, type QueryNode } from './query'
import {
  acceptedFields,
  withoutIgnored,
  type FieldTable,
  type SearchOptions,
} from './search-fields'
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

/**
 * Parses `query`, turning grammar problems and fields outside the documented set (plus what
 * `options` opts into) into a 422 that names them; terms on ignored fields are dropped.
 */
export function parseSearch(
  query: string | undefined,
  documented: FieldTable,
  undocumented: FieldTable,
  options: SearchOptions,
): QueryNode | undefined {
  try {
    const node = parseQuery(query ?? '')
    if (!node) return undefined
    checkFields(node, acceptedFields(documented, undocumented, options))
    return withoutIgnored(node, options.ignoredFields ?? [])
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
  options: SearchOptions,
): AlertRecord[] {
  const node = parseSearch(query.query, ALERT_QUERY_FIELDS, UNDOCUMENTED_ALERT_FIELDS, options)
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
