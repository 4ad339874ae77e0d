import {
  Alert,
  Escalation,
  Incident,
  OnCall,
  Schedule,
  Team,
  User,
  parsePriority,
  type ResponderRef,
} from '../../../../shared/domain'
import { adfToText } from './adf'
import { DEFAULT_PRIORITIES, type PriorityTable } from './priorities'
import type { JiraIssue, JiraUser, JsmAlert, JsmEscalation, JsmSchedule } from './schemas'

/**
 * JSM and Jira records -> the domain model, every gap with an explicit default and the result
 * parsed, so a record Ondeck cannot understand fails here and nowhere else.
 */
const EPOCH = '1970-01-01T00:00:00.000Z'
const TYPES = ['team', 'user', 'escalation', 'schedule'] as const

/** Any date JSM or Jira writes (`...Z`, `...+00:00`, Jira's `...+0000`) as ISO 8601 in UTC. */
export function isoOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

export function toResponders(
  refs: readonly { id?: string | undefined; type: string }[] | undefined,
): ResponderRef[] {
  return (refs ?? []).flatMap((r) => {
    const type = TYPES.find((t) => t === r.type)
    return type === undefined || r.id === undefined ? [] : [{ type, id: r.id }]
  })
}

const stringValues = (
  record: Record<string, unknown> | undefined,
): Record<string, string> | undefined =>
  record === undefined
    ? undefined
    : Object.fromEntries(
        Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      )

export function toAlert(r: JsmAlert): Alert {
  const responders = toResponders(r.responders)
  const createdAt = isoOf(r.createdAt) ?? EPOCH
  return Alert.parse({
    id: r.id,
    tinyId: r.tinyId ?? '',
    alias: r.alias ?? r.id,
    message: r.message,
    status: r.status === 'closed' || r.status === 'resolved' ? 'closed' : 'open',
    acknowledged: r.acknowledged ?? r.status === 'acked',
    snoozed: r.snoozed ?? r.status === 'snoozed',
    snoozedUntil: r.snoozed === true ? isoOf(r.snoozedUntil) : undefined,
    priority: parsePriority(r.priority) ?? 'P3',
    owner: r.owner === '' ? undefined : r.owner,
    tags: r.tags ?? [],
    teams: responders.filter((x) => x.type === 'team').flatMap((x) => (x.id ? [x.id] : [])),
    responders,
    count: r.count ?? 1,
    source: r.source,
    entity: r.entity,
    description: r.description,
    details: stringValues(r.extraProperties),
    createdAt,
    updatedAt: isoOf(r.updatedAt) ?? createdAt,
    lastOccurredAt: isoOf(r.lastOccuredAt ?? r.lastOccurredAt),
  })
}

/**
 * A Jira issue of the incident type as an incident: its key is the id (what Jira's issue API
 * and a responder both use); a done status reads resolved, or closed when it is named so.
 */
export function toIncident(
  issue: JiraIssue,
  responders: ResponderRef[] = [],
  priorities: PriorityTable = DEFAULT_PRIORITIES,
): Incident {
  const f = issue.fields
  const done = f.status?.statusCategory?.key === 'done'
  const status = !done ? 'open' : /clos/i.test(f.status?.name ?? '') ? 'closed' : 'resolved'
  const createdAt = isoOf(f.created) ?? EPOCH
  const description = adfToText(f.description)
  return Incident.parse({
    id: issue.key,
    tinyId: issue.key,
    message: f.summary,
    ...(description !== '' ? { description } : {}),
    status,
    priority: priorities.fromJira(f.priority?.name ?? undefined),
    tags: f.labels ?? [],
    responders,
    impactedServices: [],
    createdAt,
    updatedAt: isoOf(f.updated) ?? createdAt,
  })
}

/** Incident responders are named by Atlassian resource identifiers. */
export const ariOf = (r: { type: 'team' | 'user'; id: string }): string =>
  `ari:cloud:identity::${r.type}/${r.id}`

export function respondersOfAris(aris: readonly string[]): ResponderRef[] {
  return aris.flatMap((ari) => {
    const m = /^ari:cloud:identity::(team|user)\/(.+)$/.exec(ari)
    return m?.[1] && m[2] ? [{ type: m[1] as 'team' | 'user', id: m[2] }] : []
  })
}

export const toTeam = (t: { teamId: string; teamName?: string | undefined }): Team =>
  Team.parse({ id: t.teamId, name: t.teamName ?? t.teamId })

/** Users are Atlassian accounts: the e-mail (when the profile shows it) stands as the username. */
export const toUser = (u: JiraUser): User =>
  User.parse({
    id: u.accountId,
    username: u.emailAddress ?? u.accountId,
    fullName: u.displayName ?? u.emailAddress ?? u.accountId,
    ...(u.timeZone !== undefined ? { timeZone: u.timeZone } : {}),
  })

export function toSchedule(s: JsmSchedule): Schedule {
  const kinds = ['daily', 'weekly', 'hourly'] as const
  return Schedule.parse({
    id: s.id,
    name: s.name,
    description: s.description,
    timezone: s.timezone ?? 'UTC',
    enabled: s.enabled ?? true,
    ownerTeamId: s.teamId,
    rotations: (s.rotations ?? []).flatMap((r) => {
      const type = kinds.find((k) => k === r.type)
      const startDate = isoOf(r.startDate)
      if (type === undefined || startDate === undefined) return []
      return [
        {
          id: r.id ?? '',
          name: r.name ?? '',
          type,
          length: Math.max(1, r.length ?? 1),
          startDate,
          participants: toResponders(r.participants),
        },
      ]
    }),
  })
}

export function toEscalation(e: JsmEscalation, teamId: string): Escalation {
  return Escalation.parse({
    id: e.id,
    name: e.name,
    description: e.description,
    ownerTeamId: teamId,
    rules: (e.rules ?? []).flatMap((rule) => {
      const recipient = toResponders(rule.recipient ? [rule.recipient] : [])[0]
      const condition = rule.condition
      if (
        recipient === undefined ||
        (condition !== 'if-not-acked' && condition !== 'if-not-closed')
      )
        return []
      return [
        {
          condition,
          notifyType: rule.notifyType ?? 'default',
          delayMinutes: rule.delay ?? 0,
          recipient,
        },
      ]
    }),
  })
}

export const toOnCall = (
  schedule: { id: string; name: string },
  at: string,
  usernames: string[],
): OnCall => OnCall.parse({ scheduleId: schedule.id, scheduleName: schedule.name, at, usernames })
