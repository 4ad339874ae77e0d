import { Escalation, OnCall, Schedule, Service, Team, User } from '../../../../shared/domain'
import { toResponders } from './record-mapping'
import type {
  EscalationRecord,
  FlatOnCalls,
  ScheduleRecord,
  ServiceRecord,
  TeamRecord,
  UserRecord,
} from './index'

/**
 * Opsgenie configuration records -> our domain model. Alerts and incidents are mapped in
 * `record-mapping.ts`, which intake's feed and the adapter share.
 */
export { toAlert, toIncident } from './record-mapping'

type OutRef = {
  type: string
  id?: string | undefined
  name?: string | undefined
  username?: string | undefined
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
          participants: toResponders(rot.participants),
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
      const recipient = toResponders([rule['recipient'] as OutRef])[0]
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
