import { rateDomainOf, type RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { Governor, RequestPriority } from '../../governor'
import { checkKey, OpsgenieError, type OpsgenieClient, type RequestsApi } from './index'
import { pagedEnvelope } from './schemas/common'
import { ServiceRecord } from './schemas/config'
import { classifyOpsgenie, outcomeOfError } from './outcome-mapping'
import { opsgenieFeed } from './feed'
import type { Page, Provider, ProviderNote } from '../provider'
import { capabilitiesOf } from './capabilities'
import { alertActions, incidentActions, type Send } from './actions'
import * as toDomain from './to-domain'

export interface OpsgenieProviderOptions {
  client: OpsgenieClient
  governor: Governor
  now?: () => number
}

const PAGE = 100
const ALERT_CAP = 20_000

/**
 * The Opsgenie adapter: every request goes through the governor (its domain from the request
 * path, its priority from the caller; the only place Opsgenie calls meet the governor), every
 * write answers an ActionOutcome, and accepted requests can be followed to confirmation.
 */
export function createOpsgenieProvider(options: OpsgenieProviderOptions): Provider {
  const { client, governor } = options
  const now = options.now ?? Date.now

  function governed<T>(
    domain: RateDomain,
    priority: RequestPriority,
    call: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    return governor.run(domain, priority, call, classifyOpsgenie, signal)
  }

  const send: Send = async (domain, priority, call) => {
    try {
      const accepted = await governed(domain, priority, call)
      return { status: 'accepted', requestId: accepted.requestId }
    } catch (error) {
      return outcomeOfError(error, now())
    }
  }

  async function requestStatus(
    domain: 'alert' | 'incident',
    requestId: string,
    priority: RequestPriority = 'replay',
  ): Promise<ActionOutcome> {
    const api: RequestsApi = domain === 'alert' ? client.alerts : client.incidents
    try {
      const status = await governed(domain, priority, () => api.requestStatus(requestId))
      if (status.state === 'pending') return { status: 'accepted', requestId }
      if (status.isSuccess) {
        const entityId = status.alertId ?? status.incidentId
        return { status: 'confirmed', requestId, ...(entityId !== undefined ? { entityId } : {}) }
      }
      return {
        status: 'rejected',
        kind: 'failed',
        message: status.status || 'Opsgenie could not apply the request',
      }
    } catch (error) {
      return outcomeOfError(error, now())
    }
  }

  async function list<R, T>(
    path: string,
    priority: RequestPriority,
    cursor: string | undefined,
    call: (offset: number) => Promise<R[]>,
    map: (r: R) => T,
    cap = Infinity,
  ): Promise<Page<T>> {
    const offset = cursor === undefined ? 0 : Number(cursor)
    if (!Number.isInteger(offset) || offset < 0) throw new Error(`not a list cursor: ${cursor}`)
    const records = await governed(rateDomainOf('GET', path), priority, () => call(offset))
    const next = offset + PAGE
    const more = records.length === PAGE && next + PAGE <= cap
    return { items: records.map(map), ...(more ? { next: String(next) } : {}) }
  }

  const orNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call()
    } catch (error) {
      if (error instanceof OpsgenieError && error.kind === 'not-found') return null
      throw error
    }
  }

  const notesOf = (records: { note: string; createdAt?: string | undefined }[]): ProviderNote[] =>
    records.map((r) => ({
      note: r.note,
      ...(r.createdAt !== undefined ? { createdAt: r.createdAt } : {}),
    }))

  return {
    name: 'opsgenie',
    async capabilities() {
      return capabilitiesOf(await checkKey(client))
    },
    alerts: {
      ...alertActions(client, send),
      get: (id, by) =>
        orNull(async () => {
          const ref = by === 'alias' ? { alias: id } : by === 'tiny' ? { tinyId: id } : id
          return toDomain.toAlert(await governed('alert', 'sync', () => client.alerts.get(ref)))
        }),
      list: (query, cursor, priority = 'sync') =>
        list(
          '/v2/alerts',
          priority,
          cursor,
          (offset) =>
            client.alerts.list({ query, offset, limit: PAGE, sort: 'updatedAt', order: 'desc' }),
          toDomain.toAlert,
          ALERT_CAP,
        ),
      notes: (id, by) =>
        orNull(async () =>
          notesOf(
            await governed('alert', 'replay', () =>
              client.alerts.listNotes(by === 'alias' ? { alias: id } : id, { limit: 100 }),
            ),
          ),
        ),
    },
    incidents: {
      ...incidentActions(client, send),
      get: (id) =>
        orNull(async () =>
          toDomain.toIncident(await governed('incident', 'sync', () => client.incidents.get(id))),
        ),
      list: (query, cursor) =>
        list(
          '/v1/incidents',
          'sync',
          cursor,
          (offset) => client.incidents.list({ query, offset, limit: PAGE }),
          toDomain.toIncident,
        ),
      notes: (id) =>
        orNull(async () =>
          notesOf(
            await governed('incident', 'replay', () =>
              client.incidents.listNotes(id, { limit: 100 }),
            ),
          ),
        ),
    },
    feed: opsgenieFeed(client, governed),
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
      services: (cursor) =>
        list(
          '/v1/services',
          'import',
          cursor,
          async (offset) => {
            const query = { offset, limit: PAGE }
            return (
              await client.http.send({
                method: 'GET',
                path: '/v1/services',
                query,
                schema: pagedEnvelope(ServiceRecord),
              })
            ).data
          },
          toDomain.toService,
        ),
      teams: async () =>
        (await governed('configuration', 'sync', () => client.config.listTeams())).map(
          toDomain.toTeam,
        ),
      users: (cursor) =>
        list(
          '/v2/users',
          'sync',
          cursor,
          async (offset) => (await client.config.listUsers({ offset, limit: PAGE })).users,
          toDomain.toUser,
        ),
      schedules: async () =>
        (await governed('configuration', 'sync', () => client.config.listSchedules())).map(
          toDomain.toSchedule,
        ),
      onCalls: async (scheduleId, at) => {
        const date = at ?? new Date(now()).toISOString()
        const flat = await governed('schedule-oncalls', 'sync', () =>
          client.config.onCalls(scheduleId, { date }),
        )
        return toDomain.toOnCall(scheduleId, date, flat)
      },
      escalations: async () =>
        (await governed('configuration', 'sync', () => client.config.listEscalations())).map(
          toDomain.toEscalation,
        ),
    },
  }
}
