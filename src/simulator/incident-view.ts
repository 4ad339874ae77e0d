import { iso } from './ids'
import type { Queryable } from './query'
import type { FieldTable } from './search-fields'
import type { IncidentRecord, SimulatorState } from './store'

export function incidentView(i: IncidentRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: i.id,
    tinyId: i.tinyId,
    message: i.message,
    description: i.description,
    status: i.status,
    isSeen: true,
    tags: i.tags,
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    priority: i.priority,
    ownerTeam: i.ownerTeam,
    responders: i.responders.map((r) => ({ type: r.type, id: r.id })),
    extraProperties: i.extraProperties,
    impactedServices: i.impactedServices,
    links: { web: `${baseUrl}/incident/detail/${i.id}`, api: `${baseUrl}/v1/incidents/${i.id}` },
    impactStartDate: iso(i.createdAt),
    actions: [],
  }
}

/** The fields of Opsgenie's "Search syntax for incidents" that the simulator models. */
export const INCIDENT_QUERY_FIELDS = {
  createdAt: 'number',
  id: 'text',
  tinyId: 'text',
  message: 'contains',
  description: 'contains',
  status: 'text',
  priority: 'text',
  teams: 'list',
  services: 'list',
  tag: 'list',
  actions: 'list',
  'details.key': 'list',
  'details.value': 'list',
} as const satisfies FieldTable

/** Fields the simulator can evaluate that Opsgenie does not document: only on request. */
export const UNDOCUMENTED_INCIDENT_FIELDS = {
  updatedAt: 'number',
  tags: 'list',
  ownerTeam: 'text',
  impactedServices: 'list',
} as const satisfies FieldTable

/** `state` names teams and services, which the documented fields match by name (ids work too). */
export function incidentQueryable(i: IncidentRecord, state: SimulatorState): Queryable {
  const teamIds = new Set([
    i.ownerTeam,
    ...i.responders.filter((r) => r.type === 'team').map((r) => r.id),
  ])
  return {
    text: () => [i.message, i.description, ...i.tags].join(' '),
    field: (name) => {
      switch (name) {
        case 'status':
          return i.status
        case 'priority':
          return i.priority
        case 'tag':
        case 'tags':
          return i.tags
        case 'message':
          return { contains: i.message }
        case 'description':
          return { contains: i.description }
        case 'tinyId':
          return i.tinyId
        case 'id':
          return i.id
        case 'ownerTeam':
          return i.ownerTeam
        case 'teams':
          return state.teams.filter((t) => teamIds.has(t.id)).flatMap((t) => [t.id, t.name])
        case 'services':
          return i.impactedServices.flatMap((id) => [
            id,
            ...state.services.filter((s) => s.id === id).map((s) => s.name),
          ])
        case 'actions':
          return []
        case 'details.key':
          return Object.keys(i.extraProperties)
        case 'details.value':
          return Object.values(i.extraProperties)
        case 'createdAt':
          return i.createdAt
        case 'updatedAt':
          return i.updatedAt
        case 'impactedServices':
          return i.impactedServices
        default:
          return undefined
      }
    },
  }
}
