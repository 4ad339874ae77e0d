import { iso } from './ids'
import type { Queryable } from './query'
import type { FieldTable } from './search-fields'
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

/**
 * The alert fields Opsgenie's "Alerts Search Query Help" documents (the stored copy of the page
 * ends after `integration.type`; `priority`, `tag`, `actions` and `details.*` are the fields the
 * same syntax offers in Opsgenie's search bar and in its incident page, so they are kept).
 */
export const ALERT_QUERY_FIELDS = {
  alertId: 'text',
  tinyId: 'text',
  alias: 'text',
  count: 'number',
  message: 'contains',
  description: 'contains',
  source: 'text',
  entity: 'text',
  status: 'text',
  owner: 'text',
  acknowledgedBy: 'text',
  closedBy: 'text',
  recipients: 'list',
  isSeen: 'bool',
  acknowledged: 'bool',
  snoozed: 'bool',
  snoozedUntil: 'number',
  teams: 'list',
  'integration.name': 'text',
  'integration.type': 'text',
  priority: 'text',
  tag: 'list',
  actions: 'list',
  'details.key': 'list',
  'details.value': 'list',
  createdAt: 'number',
  lastOccurredAt: 'number',
} as const satisfies FieldTable

/** Fields the simulator can evaluate that Opsgenie does not document: only on request. */
export const UNDOCUMENTED_ALERT_FIELDS = {
  updatedAt: 'number',
  id: 'text',
  tags: 'list',
  team: 'list',
  responders: 'list',
} as const satisfies FieldTable

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
        case 'alertId':
          return a.id
        case 'acknowledgedBy':
          return a.report.acknowledgedBy ?? ''
        case 'closedBy':
          return a.report.closedBy ?? ''
        case 'recipients':
          return a.responders.flatMap((r) => [r.id, r.name])
        case 'snoozedUntil':
          return a.snoozedUntil ?? 0
        case 'integration.name':
          return a.integration.name
        case 'integration.type':
          return a.integration.type
        case 'actions':
          return a.actions
        case 'details.key':
          return Object.keys(a.details)
        case 'details.value':
          return Object.values(a.details)
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
