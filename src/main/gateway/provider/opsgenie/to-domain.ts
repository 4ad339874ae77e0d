import {
  Alert,
  Escalation,
  Incident,
  OnCall,
  Schedule,
  Service,
  Team,
  User,
  parsePriority,
  type ResponderRef,
} from '../../../../shared/domain'
import type {
  AlertDetail,
  BaseAlert,
  EscalationRecord,
  FlatOnCalls,
  IncidentRecord,
  ScheduleRecord,
  ServiceRecord,
  TeamRecord,
  UserRecord,
} from '../../opsgenie'

/**
 * Opsgenie records -> our domain model. Opsgenie is lenient in what it returns (missing fields,
 * statuses as free strings); the domain is strict, so every gap gets an explicit default here and
 * the result is parsed, so a record that cannot be understood fails loudly in one place.
 */
const EPOCH = '1970-01-01T00:00:00.000Z'

type OutRef = {
  type: string
  id?: string | undefined
  name?: string | undefined
  username?: string | undefined
}

function responders(refs: readonly OutRef[] | undefined): ResponderRef[] {
  const known = ['team', 'user', 'escalation', 'schedule'] as const
  return (refs ?? []).flatMap((r) => {
    const type = known.find((k) => k === r.type)
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
    responders: responders(record.responders),
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
    responders: responders(record.responders),
    impactedServices: record.impactedServices ?? [],
    ownerTeam: record.ownerTeam === '' ? undefined : record.ownerTeam,
    createdAt: record.createdAt ?? EPOCH,
    updatedAt: record.updatedAt ?? record.createdAt ?? EPOCH,
  })
}

export function toService(r: ServiceRecord): Service {
  return Service.parse({
    id: r.id,
    name: r.name,
    description: r.description,
    teamId: r.teamId,
    tags: r.tags ?? [],
  })
}

export function toTeam(r: TeamRecord): Team {
  return Team.parse({ id: r.id, name: r.name, description: r.description })
}

export function toUser(r: UserRecord): User {
  return User.parse({
    id: r.id,
    username: r.username,
    fullName: r.fullName ?? r.username,
    role: r.role?.name,
    timeZone: r.timeZone,
  })
}

export function toSchedule(r: ScheduleRecord): Schedule {
  const rotationTypes = ['daily', 'weekly', 'hourly'] as const
  return Schedule.parse({
    id: r.id,
    name: r.name,
    description: r.description,
    timezone: r.timezone ?? 'UTC',
    enabled: r.enabled ?? true,
    ownerTeamId: r.ownerTeam?.id,
    rotations: (r.rotations ?? []).flatMap((rot) => {
      const type = rotationTypes.find((t) => t === rot.type)
      if (type === undefined || rot.startDate === undefined) return []
      return [
        {
          id: rot.id ?? '',
          name: rot.name ?? '',
          type,
          length: rot.length ?? 1,
          startDate: rot.startDate,
          participants: responders(rot.participants),
        },
      ]
    }),
  })
}

export function toOnCall(scheduleId: string, at: string, r: FlatOnCalls): OnCall {
  return OnCall.parse({
    scheduleId: r._parent?.id ?? scheduleId,
    scheduleName: r._parent?.name ?? scheduleId,
    at,
    usernames: r.onCallRecipients,
  })
}

export function toEscalation(r: EscalationRecord): Escalation {
  return Escalation.parse({
    id: r.id,
    name: r.name,
    description: r.description,
    ownerTeamId: r.ownerTeam?.id,
    rules: (r.rules ?? []).flatMap((rule) => {
      const recipient = responders([rule['recipient'] as OutRef])[0]
      const condition = rule['condition']
      if (
        recipient === undefined ||
        (condition !== 'if-not-acked' && condition !== 'if-not-closed')
      )
        return []
      const delay = rule['delay'] as { timeAmount?: number } | undefined
      return [
        {
          condition,
          notifyType: typeof rule['notifyType'] === 'string' ? rule['notifyType'] : 'default',
          delayMinutes: delay?.timeAmount ?? 0,
          recipient,
        },
      ]
    }),
  })
}
