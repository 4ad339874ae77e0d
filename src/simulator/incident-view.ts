import { iso } from './ids'
import type { Queryable } from './query'
import type { IncidentRecord } from './store'

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

export const INCIDENT_QUERY_FIELDS = {
  status: 'text',
  priority: 'text',
  tag: 'list',
  tags: 'list',
  message: 'contains',
  description: 'contains',
  tinyId: 'text',
  id: 'text',
  ownerTeam: 'text',
  createdAt: 'number',
  updatedAt: 'number',
  impactedServices: 'list',
} as const

export function incidentQueryable(i: IncidentRecord): Queryable {
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
