import { ApiError, notFound } from './api-error'
import { actorOf, addLog, addNote, addResponder, canSee, resolveResponder } from './alert-ops'
import { parseSearch } from './alert-search'
import { cursorPage, identifierType } from './alerts-read'
import { uuid } from '../shared/uuid'
import { iso } from './ids'
import {
  INCIDENT_QUERY_FIELDS,
  UNDOCUMENTED_INCIDENT_FIELDS,
  incidentQueryable,
  incidentView,
} from './incident-view'
import { incidentActionRoutes } from './incident-actions'
import { pageRequest, pagingLinks } from './paging'
import { CreateIncidentPayload, parseBody } from './payloads'
import { evaluate } from './query'
import { ok, type Ctx, type Reply, type Route } from './router'
import type { IncidentRecord, ResponderRecord } from './store'

const gate = { plan: 'incident' } as const

export function incidentFromPath(ctx: Ctx): IncidentRecord {
  const type = identifierType(ctx.query, ['id', 'tiny'])
  const id = ctx.params.identifier ?? ''
  const found = [...ctx.rt.state.incidents.values()].find((i) =>
    type === 'id' ? i.id === id : i.tinyId === id,
  )
  if (!found || !canSee(ctx.principal, found.responders))
    throw notFound(`Incident with ${type} [${id}] does not exist`)
  return found
}

function createIncident(ctx: Ctx): Reply {
  const body = parseBody(CreateIncidentPayload, ctx.body)
  const { rt, principal } = ctx
  return rt.accept('incident', 'Create', principal, () => {
    const { state } = rt
    const now = rt.now()
    const actor = actorOf(state, principal, {})
    const responders: ResponderRecord[] = []
    // Like alerts, a team key's incident belongs to its team, whatever the body says.
    const refs =
      principal.kind === 'team'
        ? [{ type: 'team', name: principal.teamName }]
        : (body.responders ?? [])
    for (const ref of refs) {
      const r = resolveResponder(state, ref)
      if (r) addResponder(responders, r)
    }
    state.counters.incidentTinyId += 1
    // impactedServices is current; serviceId is what the 2021 spec and go-sdk still send.
    const services = [
      ...new Set([...(body.impactedServices ?? []), ...(body.serviceId ? [body.serviceId] : [])]),
    ]
    const incident: IncidentRecord = {
      id: uuid(),
      tinyId: String(state.counters.incidentTinyId),
      message: body.message,
      description: body.description ?? '',
      status: 'open',
      tags: body.tags ?? [],
      createdAt: now,
      updatedAt: now,
      priority: body.priority ?? 'P3',
      responders,
      ownerTeam: responders.find((r) => r.type === 'team')?.id ?? '',
      extraProperties: body.details ?? {},
      impactedServices: services,
      associatedAlertIds: [],
      notes: [],
      logs: [],
    }
    state.incidents.set(incident.id, incident)
    addLog(state, incident, 'Incident created', actor.username, now)
    if (body.note) addNote(state, incident, body.note, actor.username, now)
    return { isSuccess: true, status: 'Created incident', entityId: incident.id }
  })
}

function listIncidents(ctx: Ctx): Reply {
  if (!ctx.query.query)
    throw new ApiError(422, 'Query field cannot be empty.', {
      errors: { query: 'Query field cannot be empty.' },
    })
  const node = parseSearch(
    ctx.query.query,
    INCIDENT_QUERY_FIELDS,
    UNDOCUMENTED_INCIDENT_FIELDS,
    ctx.rt.search,
  )
  const page = pageRequest(ctx.query)
  const order = ctx.query.order === 'asc' ? 1 : -1
  const matched = [...ctx.rt.state.incidents.values()]
    .filter(
      (i) =>
        canSee(ctx.principal, i.responders) &&
        (!node || evaluate(node, incidentQueryable(i, ctx.rt.state))),
    )
    .sort((a, b) => order * (a.createdAt - b.createdAt || Number(a.tinyId) - Number(b.tinyId)))
  const base = ctx.rt.baseUrl()
  const items = matched
    .slice(page.offset, page.offset + page.limit)
    .map((i) => incidentView(i, base))
  const { paging, headers } = pagingLinks(base, '/v1/incidents', ctx.query, page, matched.length)
  return ok(items, { paging }, headers)
}

function requestStatus(ctx: Ctx): Reply {
  const record = ctx.rt.state.requests.get(ctx.params.requestId ?? '')
  if (!record || record.domain !== 'incident')
    throw notFound(`Request [${ctx.params.requestId ?? ''}] does not exist`)
  const p = record.processed
  if (!p)
    throw new ApiError(404, 'Request has not been processed yet', {
      headers: { 'X-Opsgenie-Errortype': 'RequestNotProcessed' },
    })
  return ok({
    success: p.isSuccess,
    action: record.action,
    processedAt: iso(p.at),
    integrationId: record.integrationId,
    isSuccess: p.isSuccess,
    status: p.status,
    incidentId: p.entityId,
  })
}

const idPath = (ctx: Ctx, tail: string): string =>
  `/v1/incidents/${encodeURIComponent(ctx.params.identifier ?? '')}/${tail}`

export const incidentRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/incidents/create', handler: createIncident, gate },
  { method: 'GET', pattern: '/v1/incidents/requests/:requestId', handler: requestStatus, gate },
  { method: 'GET', pattern: '/v1/incidents', handler: listIncidents, gate },
  {
    method: 'GET',
    pattern: '/v1/incidents/:identifier',
    handler: (ctx) => ok(incidentView(incidentFromPath(ctx), ctx.rt.baseUrl())),
    gate,
  },
  {
    method: 'GET',
    pattern: '/v1/incidents/:identifier/notes',
    handler: (ctx) => cursorPage(ctx, incidentFromPath(ctx).notes, idPath(ctx, 'notes')),
    gate,
  },
  {
    method: 'GET',
    pattern: '/v1/incidents/:identifier/logs',
    handler: (ctx) => cursorPage(ctx, incidentFromPath(ctx).logs, idPath(ctx, 'logs')),
    gate,
  },
  {
    method: 'GET',
    pattern: '/v1/incidents/:identifier/associated-alert-ids',
    handler: (ctx) => ok(incidentFromPath(ctx).associatedAlertIds),
    gate,
  },
  {
    method: 'GET',
    pattern: '/v1/incidents/:identifier/responder-alert-ids',
    handler: (ctx) => ok(incidentFromPath(ctx).associatedAlertIds),
    gate,
  },
  ...incidentActionRoutes.map((r) => ({ ...r, gate })),
]
