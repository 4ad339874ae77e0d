import type { Alert, Incident } from '../../../../shared/domain'
import { rateDomainOf, type RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { RequestPriority } from '../../governor'
import type { FeedItem, FeedOptions, Page, ProviderFeed } from '../provider'
import type { BaseAlert, IncidentRecord, OpsgenieClient } from './index'
import { fallbackReads, ignoredFilter, refusedQuery, strategyState } from './changed-since'
import { readErrorOf } from './outcome-mapping'
import { decodeRelayFrame } from './events'
import { toAlert, toIncident } from './to-domain'

/** Runs one call through the workspace's governor (the adapter's single path to it). */
export type Governed = <T>(
  domain: RateDomain,
  priority: RequestPriority,
  call: () => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>

const PAGE = 100
/** Opsgenie refuses offset + limit beyond 10,000 on the incident list. */
const INCIDENT_OFFSET_CAP = 10_000

export const timeOf = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * One listed record in domain terms; a record that does not map stays in the listing as
 * `unreadable` (reason and raw JSON), so it cannot stall the listing and still reaches diagnostics.
 */
const item = <R extends { id: string; updatedAt?: string }, T>(
  what: 'alert' | 'incident',
  map: (r: R) => T,
  r: R,
): FeedItem<T> => {
  const base = { id: r.id, updatedAt: r.updatedAt }
  try {
    return { ...base, record: map(r) }
  } catch (error) {
    const reason = `${what} ${r.id} does not fit the domain model: ${(error as Error).message}`
    return { ...base, record: undefined, unreadable: { reason, raw: JSON.stringify(r) } }
  }
}

const alertItem = (a: BaseAlert): FeedItem<Alert> => item('alert', toAlert, a)
const incidentItem = (i: IncidentRecord): FeedItem<Incident> => item('incident', toIncident, i)

/** `<from ms>:<offset>`: where a keyset listing continues. */
const keysetCursor = (cursor: string | undefined, from: number): { at: number; offset: number } => {
  if (cursor === undefined) return { at: from, offset: 0 }
  const m = /^(\d{1,15}):(\d{1,6})$/.exec(cursor)
  if (m?.[1] === undefined || m[2] === undefined) throw new Error(`not a feed cursor: ${cursor}`)
  return { at: Number(m[1]), offset: Number(m[2]) }
}

const offsetCursor = (cursor: string | undefined): number => {
  const offset = cursor === undefined ? 0 : Number(cursor)
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`not a feed cursor: ${cursor}`)
  return offset
}

/** Thrown inside a listing whose answer ignored its `updatedAt>=` filter. */
class FilterIgnored extends Error {}

const reading = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    throw readErrorOf(error)
  }
}

/**
 * Intake's reads against Opsgenie. Alerts page by keyset: `base AND <field> >= at`, sorted by
 * `field` ascending, moving `at` to the last item's time instead of raising the offset. That is
 * stable while alerts change underneath (an alert closed mid-listing does not shift the next page
 * and hide another one) and never reaches the 20,000 offset cap; the offset only grows within a
 * run of alerts sharing one millisecond. Items repeat at page edges: callers dedupe by id.
 */
export function opsgenieFeed(client: OpsgenieClient, governed: Governed): ProviderFeed {
  const alertsDomain = rateDomainOf('GET', '/v2/alerts')
  const incidentsDomain = rateDomainOf('GET', '/v1/incidents')
  const strategy = strategyState()
  const fallback = fallbackReads(
    client,
    (call, signal) => governed(alertsDomain, 'sync', call, signal),
    alertItem,
    incidentItem,
  )
  const incidentFallback = fallbackReads(
    client,
    (call, signal) => governed(incidentsDomain, 'sync', call, signal),
    alertItem,
    incidentItem,
  )

  /** The `updatedAt>=` listing, falling back for good when Opsgenie refuses or ignores it. */
  const changedAlerts = (
    since: number,
    cursor: string | undefined,
    options: FeedOptions,
  ): Promise<Page<FeedItem<Alert>>> =>
    reading(async () => {
      if (strategy.current().alerts === 'updatedAt-sort') return fallback.alerts(since, options)
      try {
        return await keysetRaw('', 'updatedAt', since, cursor, options, true)
      } catch (error) {
        if (!(error instanceof FilterIgnored) && !refusedQuery(error)) throw error
        strategy.fallBack('alerts')
        return fallback.alerts(since, options)
      }
    })

  async function keysetRaw(
    base: string,
    field: 'createdAt' | 'updatedAt',
    from: number,
    cursor: string | undefined,
    options: FeedOptions,
    checkFilter = false,
  ): Promise<Page<FeedItem<Alert>>> {
    const limit = options.limit ?? PAGE
    const { at, offset } = keysetCursor(cursor, from)
    const query = `${base === '' ? '' : `${base} AND `}${field}>=${at}`
    const page = await governed(
      alertsDomain,
      'sync',
      () => client.alerts.list({ query, sort: field, order: 'asc', offset, limit }),
      options.signal,
    )
    if (checkFilter && ignoredFilter(page, at)) throw new FilterIgnored()
    const items = page.map(alertItem)
    if (page.length < limit) return { items }
    const last = timeOf(page[page.length - 1]?.[field])
    const next = last !== undefined && last > at ? `${last}:0` : `${at}:${offset + limit}`
    return { items, next }
  }
  const keyset = (
    base: string,
    field: 'createdAt' | 'updatedAt',
    from: number,
    cursor: string | undefined,
    options: FeedOptions,
  ): Promise<Page<FeedItem<Alert>>> => reading(() => keysetRaw(base, field, from, cursor, options))

  return {
    decodePush: decodeRelayFrame,
    changedAlerts: (since, cursor, options = {}) => changedAlerts(since, cursor, options),
    openAlerts: (cursor, options = {}) => keyset('status:open', 'createdAt', 0, cursor, options),
    changedIncidents: (since, cursor, options = {}) =>
      reading(async () => {
        if (strategy.current().incidents === 'recent-snapshot')
          return incidentFallback.incidents(since, options)
        const limit = options.limit ?? PAGE
        const offset = offsetCursor(cursor)
        const query = `updatedAt>=${since}`
        let page: IncidentRecord[]
        try {
          page = await governed(
            incidentsDomain,
            'sync',
            () => client.incidents.list({ query, order: 'asc', offset, limit }),
            options.signal,
          )
        } catch (error) {
          if (!refusedQuery(error)) throw error
          page = []
          strategy.fallBack('incidents')
        }
        if (strategy.current().incidents === 'updatedAt-query' && ignoredFilter(page, since))
          strategy.fallBack('incidents')
        if (strategy.current().incidents === 'recent-snapshot')
          return incidentFallback.incidents(since, options)
        const items = page.map(incidentItem)
        const more = page.length === limit && offset + 2 * limit <= INCIDENT_OFFSET_CAP
        return more ? { items, next: String(offset + limit) } : { items }
      }),
    pollStrategy: () => strategy.current(),
  }
}
