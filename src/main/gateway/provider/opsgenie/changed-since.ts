import type { Alert, Incident } from '../../../../shared/domain'
import type { PollStrategy } from '../../../../shared/ipc/schemas'
import type { FeedItem, FeedOptions, Page } from '../provider'
import { isOpsgenieError, type BaseAlert, type IncidentRecord, type OpsgenieClient } from './index'

/**
 * Poll mode asks Opsgenie for what changed with `updatedAt>=<ms>`. Neither search-syntax page
 * documents `updatedAt` (alerts: docs.opsgenie.com/docs/alerts-search-query-help; incidents:
 * support.atlassian.com/opsgenie/docs/search-syntax-for-incidents), though a public connector
 * relies on it and it appears to work. So the query stays first choice, and a refusal (400/422)
 * or an answer that ignores the filter (an item older than the bound) switches that listing, for
 * the rest of the session, to a strategy built only from documented parts:
 *
 * - alerts: the list sorted by `updatedAt` descending (a documented sort key), read until an item
 *   is older than the bound. Same result as the query; it costs one page per poll even when
 *   nothing changed, and an alert updated mid-listing moves to the front (seen next poll), so
 *   nothing is skipped.
 * - incidents: the list cannot sort by `updatedAt`, so the fallback reads the most recently created
 *   open and resolved incidents (`status:open OR status:resolved`, newest first, up to
 *   `SNAPSHOT_PAGES` pages) and keeps those updated since the bound. Limits: a change to an older
 *   incident beyond that window, or the close of a resolved one, is not seen.
 */
export const SNAPSHOT_PAGES = 5
/** Opsgenie's deep-paging cap on the alert list (offset + limit). */
const ALERT_OFFSET_CAP = 20_000

type Read = <T>(call: () => Promise<T>, signal?: AbortSignal) => Promise<T>

const timeOf = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}

/** True when Opsgenie refused the query itself (400/422 from the server). */
export const refusedQuery = (error: unknown): boolean =>
  isOpsgenieError(error, 'invalid') &&
  error.failure.kind === 'invalid' &&
  error.failure.origin === 'server'

/** True when an answer to `updatedAt>=since` holds an item updated before `since`. */
export const ignoredFilter = (items: readonly { updatedAt?: string }[], since: number): boolean =>
  items.some((i) => {
    const at = timeOf(i.updatedAt)
    return at !== undefined && at < since
  })

/** Items updated at or after `since`, oldest change first. */
const sinceAscending = <T extends { updatedAt?: string }>(items: T[], since: number): T[] =>
  items
    .map((item) => ({ item, at: timeOf(item.updatedAt) }))
    .filter((x): x is { item: T; at: number } => x.at !== undefined && x.at >= since)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.item)

export interface FallbackReads {
  alerts(since: number, options: FeedOptions): Promise<Page<FeedItem<Alert>>>
  incidents(since: number, options: FeedOptions): Promise<Page<FeedItem<Incident>>>
}

/** The documented strategies, each answered as one page (no cursor) of changes, oldest first. */
export function fallbackReads(
  client: OpsgenieClient,
  read: Read,
  alertItem: (a: BaseAlert) => FeedItem<Alert>,
  incidentItem: (i: IncidentRecord) => FeedItem<Incident>,
): FallbackReads {
  return {
    async alerts(since, options) {
      const limit = options.limit ?? 100
      const found: BaseAlert[] = []
      for (let offset = 0; offset + limit <= ALERT_OFFSET_CAP; offset += limit) {
        const page = await read(
          () => client.alerts.list({ sort: 'updatedAt', order: 'desc', offset, limit }),
          options.signal,
        )
        found.push(...page)
        const last = timeOf(page[page.length - 1]?.updatedAt)
        if (page.length < limit || last === undefined || last < since) break
      }
      return { items: sinceAscending(found, since).map(alertItem) }
    },
    async incidents(since, options) {
      const limit = options.limit ?? 100
      const found: IncidentRecord[] = []
      for (let n = 0; n < SNAPSHOT_PAGES; n += 1) {
        const page = await read(
          () =>
            client.incidents.list({
              query: 'status:open OR status:resolved',
              sort: 'createdAt',
              order: 'desc',
              offset: n * limit,
              limit,
            }),
          options.signal,
        )
        found.push(...page)
        if (page.length < limit) break
      }
      return { items: sinceAscending(found, since).map(incidentItem) }
    },
  }
}

/** The session's strategy per listing; starts on the query, moves to the fallback once. */
export interface StrategyState {
  current(): PollStrategy
  fallBack(which: 'alerts' | 'incidents'): void
}

export function strategyState(): StrategyState {
  let state: PollStrategy = { alerts: 'updatedAt-query', incidents: 'updatedAt-query' }
  return {
    current: () => state,
    fallBack: (which) => {
      state =
        which === 'alerts'
          ? { ...state, alerts: 'updatedAt-sort' }
          : { ...state, incidents: 'recent-snapshot' }
    },
  }
}
