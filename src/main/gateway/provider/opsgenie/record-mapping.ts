import { Alert, Incident, parsePriority, type ResponderRef } from '../../../../shared/domain'
import type { AlertDetail, BaseAlert, IncidentRecord, ResponderRefOut } from './schemas/records'

/**
 * Opsgenie records -> our domain model, in one place for the adapter and the feed. Opsgenie is
 * lenient in what it returns; the domain is strict, so every gap gets an explicit default here and
 * the result is parsed, so a record that cannot be understood fails loudly in one place.
 */
const EPOCH = '1970-01-01T00:00:00.000Z'
const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'] as const

export function toResponders(refs: readonly ResponderRefOut[] | undefined): ResponderRef[] {
  return (refs ?? []).flatMap((r) => {
    const type = RESPONDER_TYPES.find((k) => k === r.type)
    const name = r.name ?? r.username
    if (type === undefined || (r.id === undefined && name === undefined)) return []
    return [
      {
        type,
        ...(r.id !== undefined ? { id: r.id } : {}),
        ...(name !== undefined ? { name } : {}),
      },
    ]
  })
}

function teamIds(teams: readonly unknown[] | undefined): string[] {
  return (teams ?? []).flatMap((t) => {
    if (typeof t === 'string') return [t]
    if (typeof t === 'object' && t !== null && 'id' in t && typeof t.id === 'string') return [t.id]
    return []
  })
}

export function toAlert(record: BaseAlert | AlertDetail): Alert {
  const detail = record as Partial<AlertDetail>
  return Alert.parse({
    id: record.id,
    tinyId: record.tinyId ?? '',
    alias: record.alias ?? record.id,
    message: record.message,
    status: record.status === 'closed' ? 'closed' : 'open',
    acknowledged: record.acknowledged ?? false,
    snoozed: record.snoozed ?? false,
    snoozedUntil: record.snoozed === true ? record.snoozedUntil : undefined,
    priority: parsePriority(record.priority) ?? 'P3',
    owner: record.owner === '' ? undefined : record.owner,
    tags: record.tags ?? [],
    teams: teamIds(record.teams),
    responders: toResponders(record.responders),
    count: record.count ?? 1,
    source: record.source,
    entity: detail.entity,
    description: detail.description,
    details: detail.details,
    createdAt: record.createdAt ?? EPOCH,
    updatedAt: record.updatedAt ?? record.createdAt ?? EPOCH,
    lastOccurredAt: record.lastOccurredAt,
  })
}

export function toIncident(record: IncidentRecord): Incident {
  const status = record.status === 'resolved' || record.status === 'closed' ? record.status : 'open'
  return Incident.parse({
    id: record.id,
    tinyId: record.tinyId ?? '',
    message: record.message,
    description: record.description,
    status,
    priority: parsePriority(record.priority) ?? 'P3',
    tags: record.tags ?? [],
    responders: toResponders(record.responders),
    impactedServices: record.impactedServices ?? [],
    ownerTeam: record.ownerTeam === '' ? undefined : record.ownerTeam,
    createdAt: record.createdAt ?? EPOCH,
    updatedAt: record.updatedAt ?? record.createdAt ?? EPOCH,
  })
}
