import { iso } from './ids'
import type { Queryable } from './query'
import type { AlertRecord } from './store'

/** List items are BaseAlert (no description/details/actions/entity), API-NOTES §3.4. */
export function baseAlert(a: AlertRecord, now: number): Record<string, unknown> {
  const snoozed = a.snoozedUntil !== undefined && a.snoozedUntil > now
  return {
    id: a.id,
    tinyId: a.tinyId,
    alias: a.alias,
    message: a.message,
    status: a.status,
    acknowledged: a.acknowledged,
    isSeen: a.isSeen,
    tags: a.tags,
    snoozed,
    ...(snoozed && a.snoozedUntil !== undefined ? { snoozedUntil: iso(a.snoozedUntil) } : {}),
    count: a.count,
    lastOccurredAt: iso(a.lastOccurredAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    source: a.source,
    owner: a.owner,
    priority: a.priority,
    responders: a.responders.map((r) => ({ type: r.type, id: r.id })),
    integration: a.integration,
    report: a.report,
    teams: teamIdsOf(a),
    ownerTeamId: a.responders.find((r) => r.type === 'team')?.id ?? '',
    seen: a.isSeen,
  }
}

export function fullAlert(a: AlertRecord, now: number): Record<string, unknown> {
  return {
    ...baseAlert(a, now),
    actions: a.actions,
    entity: a.entity,
    description: a.description,
    details: a.details,
  }
}

export function teamIdsOf(a: AlertRecord): string[] {
  return a.responders.filter((r) => r.type === 'team').map((r) => r.id)
}

export const ALERT_QUERY_FIELDS = {
  status: 'text',
  tag: 'list',
  tags: 'list',
  priority: 'text',
  alias: 'text',
  acknowledged: 'bool',
  owner: 'text',
  teams: 'list',
  team: 'list',
  responders: 'list',
  message: 'contains',
  description: 'contains',
  source: 'text',
  entity: 'text',
  tinyId: 'text',
  id: 'text',
  snoozed: 'bool',
  isSeen: 'bool',
  count: 'number',
  createdAt: 'number',
  updatedAt: 'number',
  lastOccurredAt: 'number',
} as const

export function alertQueryable(a: AlertRecord, now: number): Queryable {
  return {
    text: () => [a.message, a.description, a.alias, a.entity, ...a.tags].join(' '),
    field: (name) => {
      switch (name) {
        case 'status':
          return a.status
        case 'tag':
        case 'tags':
          return a.tags
        case 'priority':
          return a.priority
        case 'alias':
          return a.alias
        case 'acknowledged':
          return a.acknowledged
        case 'owner':
          return a.owner
        case 'teams':
        case 'team':
          return a.responders.filter((r) => r.type === 'team').flatMap((r) => [r.id, r.name])
        case 'responders':
          return a.responders.flatMap((r) => [r.id, r.name])
        case 'message':
          return { contains: a.message }
        case 'description':
          return { contains: a.description }
        case 'source':
          return a.source
        case 'entity':
          return a.entity
        case 'tinyId':
          return a.tinyId
        case 'id':
          return a.id
        case 'snoozed':
          return a.snoozedUntil !== undefined && a.snoozedUntil > now
        case 'isSeen':
          return a.isSeen
        case 'count':
          return a.count
        case 'createdAt':
          return a.createdAt
        case 'updatedAt':
          return a.updatedAt
        case 'lastOccurredAt':
          return a.lastOccurredAt
        default:
          return undefined
      }
    },
  }
}
