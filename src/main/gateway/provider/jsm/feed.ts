import type { Alert, Incident } from '../../../../shared/domain'
import type { FeedItem, FeedOptions, Page, ProviderFeed } from '../provider'
import type { JsmClient } from './client'
import type { Governed } from './governed'
import { readErrorOf } from './outcomes'
import type { JiraIssue, JsmAlert } from './schemas'
import type { PriorityTable } from './priorities'
import { isoOf, toAlert, toIncident } from './to-domain'

const PAGE = 100
/** Pages of the newest alerts read per poll besides the open ones (see `changedAlerts`). */
export const RECENT_PAGES = 3
/** JQL dates have minute precision in the user's time zone: ask a day earlier, filter here. */
const JQL_MARGIN_MS = 24 * 3_600_000

const item = <R extends { id: string }, T>(
  what: string,
  map: (r: R) => T,
  r: R,
  updatedAt: string | undefined,
): FeedItem<T> => {
  try {
    return { id: r.id, updatedAt, record: map(r) }
  } catch (error) {
    const reason = `${what} ${r.id} does not fit the domain model: ${(error as Error).message}`
    return {
      id: r.id,
      updatedAt,
      record: undefined,
      unreadable: { reason, raw: JSON.stringify(r) },
    }
  }
}
const alertItem = (a: JsmAlert): FeedItem<Alert> => item('alert', toAlert, a, isoOf(a.updatedAt))
const incidentItem = (i: JiraIssue, priorities: PriorityTable): FeedItem<Incident> => ({
  ...item('incident', (x: JiraIssue) => toIncident(x, [], priorities), i, isoOf(i.fields.updated)),
  id: i.key,
})

const reading = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    throw readErrorOf(error)
  }
}

const since = <T>(items: FeedItem<T>[], from: number): FeedItem<T>[] =>
  items
    .filter((x) => Date.parse(x.updatedAt ?? '') >= from)
    .sort((a, b) => Date.parse(a.updatedAt ?? '') - Date.parse(b.updatedAt ?? ''))

/**
 * Intake's reads against JSM. Webhooks keep Opsgenie's alert action data, so pushed frames are
 * decoded by the Opsgenie decoder, handed in by the composition root (`decodePush`). Poll mode uses only documented parts of the API: JSM's alert
 * list cannot sort or filter by update time, so a poll reads every open alert plus the newest
 * `RECENT_PAGES` pages and keeps what changed since the bound (limit: a change to an older
 * closed alert is not seen). Incidents are Jira issues, found by JQL `updated >=`.
 */
export function jsmFeed(
  client: JsmClient,
  governed: Governed,
  projectKey: string | undefined,
  decodePush: ProviderFeed['decodePush'],
  priorities: () => Promise<PriorityTable>,
): ProviderFeed {
  const list = (query: string, offset: number, size: number, signal?: AbortSignal) =>
    governed(
      'search',
      'sync',
      () => client.alerts.list({ query, offset, size, sort: 'createdAt', order: 'desc' }),
      signal,
    )

  async function openAlerts(
    cursor: string | undefined,
    options: FeedOptions = {},
  ): Promise<Page<FeedItem<Alert>>> {
    return reading(async () => {
      const offset = cursor === undefined ? 0 : Number(cursor)
      if (!Number.isInteger(offset) || offset < 0) throw new Error(`not a feed cursor: ${cursor}`)
      const size = Math.min(100, options.limit ?? PAGE)
      const page = await list('status:open', offset, size, options.signal)
      const more = Boolean(page.links?.next) && page.values.length === size
      return { items: page.values.map(alertItem), ...(more ? { next: String(offset + size) } : {}) }
    })
  }

  return {
    decodePush,
    openAlerts,
    changedAlerts: (from, _cursor, options = {}) =>
      reading(async () => {
        const seen = new Map<string, FeedItem<Alert>>()
        let cursor: string | undefined
        do {
          const page = await openAlerts(cursor, options)
          for (const x of page.items) seen.set(x.id, x)
          cursor = page.next
        } while (cursor !== undefined)
        for (let n = 0; n < RECENT_PAGES; n += 1) {
          const page = await list('', n * PAGE, PAGE, options.signal)
          for (const a of page.values) seen.set(a.id, alertItem(a))
          if (!page.links?.next) break
        }
        return { items: since([...seen.values()], from) }
      }),
    changedIncidents: (from, cursor, options = {}) =>
      reading(async () => {
        if (projectKey === undefined) return { items: [] }
        const bound = new Date(Math.max(0, from - JQL_MARGIN_MS))
          .toISOString()
          .slice(0, 16)
          .replace('T', ' ')
        const jql = `project = ${projectKey} AND updated >= "${bound}" ORDER BY updated ASC`
        const page = await governed(
          'incident',
          'sync',
          () => client.issues.search(jql, cursor, Math.min(100, options.limit ?? PAGE)),
          options.signal,
        )
        const table = await priorities()
        const items = page.issues
          .map((i) => incidentItem(i, table))
          .filter((x) => Date.parse(x.updatedAt ?? '') >= from)
        return { items, ...(page.nextPageToken ? { next: page.nextPageToken } : {}) }
      }),
  }
}
