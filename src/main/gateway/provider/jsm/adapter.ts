import type { Incident, ResponderRef } from '../../../../shared/domain'
import type { RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { Governor, RequestPriority } from '../../governor'
import type { Page, Provider, ProviderNote } from '../provider'
import { adfToText } from './adf'
import { jsmAlertActions } from './alert-actions'
import { checkJsm, jsmCapabilities } from './check'
import type { JsmClient } from './client'
import { jsmDirectory } from './directory'
import { isJsmError } from './errors'
import { jsmFeed } from './feed'
import { jsmIncidentActions } from './incident-actions'
import { jqlOf } from './jql'
import { sitePriorities } from './priorities'
import { classifyJsm, outcomeOfError } from './outcomes'
import { respondersOfAris, toAlert, toIncident, toOnCall } from './to-domain'

export interface JsmProviderOptions {
  client: JsmClient
  governor: Governor
  /** Who the token acts as, for the capabilities shown on connect. */
  email: string
  /** The service project whose issues of type Incident are the site's incidents. */
  incidentProject?: string
  /**
   * Reads a relay frame: JSM's webhooks keep Opsgenie's alert action data, so the composition
   * root hands in the Opsgenie decoder rather than this folder keeping a copy.
   */
  decodePush: Provider['feed']['decodePush']
  now?: () => number
}

const PAGE = 100

/**
 * The Jira Service Management Operations adapter onto the Provider port: alerts through the ops
 * API (async, followed by request id), incidents as Jira issues (synchronous), directory reads
 * from the ops API and Jira's user search. Every request goes through the governor.
 */
export function createJsmProvider(options: JsmProviderOptions): Provider {
  const { client, governor } = options
  const now = options.now ?? Date.now
  const project = options.incidentProject
  const governed = <T>(
    domain: RateDomain,
    priority: RequestPriority,
    call: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> => governor.run(domain, priority, call, classifyJsm, signal)
  const directory = jsmDirectory(client, governed, now)
  const priorities = sitePriorities(client, governed, now)

  const orNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call()
    } catch (error) {
      if (isJsmError(error, 'not-found')) return null
      throw error
    }
  }

  async function requestStatus(
    domain: 'alert' | 'incident',
    requestId: string,
    priority: RequestPriority = 'replay',
  ): Promise<ActionOutcome> {
    if (domain === 'incident')
      return {
        status: 'rejected',
        kind: 'failed',
        message: 'JSM incident changes are synchronous; there is no request to follow.',
      }
    try {
      const status = await governed('alert', priority, () => client.alerts.requestStatus(requestId))
      if (status.isSuccess)
        return {
          status: 'confirmed',
          requestId,
          ...(status.alertId ? { entityId: status.alertId } : {}),
        }
      return {
        status: 'rejected',
        kind: 'failed',
        message: status.status ?? 'JSM could not apply the request',
      }
    } catch (error) {
      // Until it is processed, JSM answers 404 for the request id (FACTS §3).
      if (isJsmError(error, 'not-found')) return { status: 'accepted', requestId }
      return outcomeOfError(error, now())
    }
  }

  async function incident(key: string): Promise<Incident> {
    const issue = await governed('incident', 'sync', () => client.issues.get(key))
    let responders: ResponderRef[] = []
    try {
      const r = await governed('incident', 'sync', () => client.incidents.responders(issue.id))
      responders = respondersOfAris(r.responders.map((x) => x.ari))
    } catch (error) {
      if (!isJsmError(error)) throw error
    }
    return toIncident(issue, responders, await priorities())
  }

  return {
    name: 'jsm',
    async capabilities() {
      const report = await checkJsm(client, { projectKey: project })
      if (!report.alerts.ok)
        throw Object.assign(new Error(report.alerts.failure.message), {
          failure: report.alerts.failure,
        })
      return jsmCapabilities(report, options.email, project)
    },
    alerts: {
      ...jsmAlertActions(client, governed, directory, now),
      get: (id, by) =>
        orNull(async () => {
          if (by === 'tiny') {
            const page = await governed('search', 'sync', () =>
              client.alerts.list({ query: `tinyId:${id}`, size: 1 }),
            )
            const first = page.values[0]
            return first === undefined ? null : toAlert(first)
          }
          const alert = await governed('alert', 'sync', () =>
            by === 'alias' ? client.alerts.byAlias(id) : client.alerts.get(id),
          )
          return toAlert(alert)
        }),
      list: async (query, cursor, priority = 'sync') => {
        const offset = cursor === undefined ? 0 : Number(cursor)
        if (!Number.isInteger(offset) || offset < 0) throw new Error(`not a list cursor: ${cursor}`)
        const page = await governed('search', priority, () =>
          client.alerts.list({ query, offset, size: PAGE, sort: 'createdAt', order: 'desc' }),
        )
        const more = Boolean(page.links?.next) && offset + 2 * PAGE < 20_000
        return { items: page.values.map(toAlert), ...(more ? { next: String(offset + PAGE) } : {}) }
      },
      notes: async (id, by) =>
        orNull(async () => {
          const alertId =
            by === 'alias'
              ? (await governed('alert', 'replay', () => client.alerts.byAlias(id))).id
              : id
          const page = await governed('alert', 'replay', () => client.alerts.notes(alertId))
          return page.values.map((n): ProviderNote => ({
            note: n.note,
            ...(n.createdAt ? { createdAt: n.createdAt } : {}),
          }))
        }),
    },
    incidents: {
      ...jsmIncidentActions(client, governed, directory, project, priorities, now),
      get: (id) => orNull(() => incident(id)),
      list: async (query, cursor): Promise<Page<Incident>> => {
        if (project === undefined) return { items: [] }
        const page = await governed('incident', 'sync', () =>
          client.issues.search(jqlOf(project, query), cursor, PAGE),
        )
        const table = await priorities()
        return {
          items: page.issues.map((i) => toIncident(i, [], table)),
          ...(page.nextPageToken ? { next: page.nextPageToken } : {}),
        }
      },
      notes: (id) =>
        orNull(async () => {
          const page = await governed('incident', 'replay', () => client.issues.comments(id))
          return page.comments.map((c): ProviderNote => ({
            note: adfToText(c.body),
            ...(c.created ? { createdAt: c.created } : {}),
          }))
        }),
    },
    feed: jsmFeed(client, governed, project, options.decodePush, priorities),
    requestStatus: (domain, requestId) => requestStatus(domain, requestId),
    async follow(domain, requestId, followOptions = {}) {
      const deadline = now() + (followOptions.timeoutMs ?? 10_000)
      const interval = followOptions.intervalMs ?? 250
      for (;;) {
        const outcome = await requestStatus(domain, requestId, followOptions.priority ?? 'replay')
        if (outcome.status !== 'accepted' || now() + interval > deadline) return outcome
        await new Promise((resolve) => setTimeout(resolve, interval))
      }
    },
    directory: {
      // JSM Operations has no services API Ondeck can use (not in the API description).
      services: () => Promise.resolve({ items: [] }),
      teams: () => directory.teams(),
      users: (cursor) => directory.users(cursor),
      schedules: () => directory.schedules(),
      escalations: () => directory.escalations(),
      onCalls: async (scheduleId, at) => {
        const date = at ?? new Date(now()).toISOString()
        const answer = await governed('schedule-oncalls', 'sync', () =>
          client.config.onCalls(scheduleId, date),
        )
        const schedule = (await directory.schedules()).find((s) => s.id === scheduleId)
        return toOnCall(
          { id: scheduleId, name: schedule?.name ?? scheduleId },
          date,
          await directory.usernames(answer.onCallUsers),
        )
      },
    },
  }
}
