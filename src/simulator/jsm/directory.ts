import { iso } from '../ids'
import { scheduleOnCall } from '../on-call'
import type { Ctx, Reply, Route } from '../router'
import type { ScheduleRecord } from '../store'
import { OPS, offsetPage } from './alerts'
import { JsmApiError } from './errors'

/** Teams are Atlassian teams; the ops API lists them as `platformTeams` (no paging). */
function teams(ctx: Ctx): Reply {
  return {
    status: 200,
    body: {
      platformTeams: ctx.rt.state.teams.map((t) => ({ teamId: t.id, teamName: t.name })),
    },
  }
}

function scheduleView(s: ScheduleRecord, rotations: boolean): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    timezone: s.timezone,
    enabled: s.enabled,
    teamId: s.ownerTeamId,
    ...(rotations
      ? {
          rotations: s.rotations.map((r) => ({
            id: r.id,
            name: r.name,
            startDate: iso(r.startDate),
            ...(r.endDate !== undefined ? { endDate: iso(r.endDate) } : {}),
            type: r.type,
            length: r.length,
            participants: r.participantIds.map((id) => ({ type: 'user', id })),
          })),
        }
      : {}),
  }
}

function schedules(ctx: Ctx): Reply {
  const page = offsetPage(ctx, { size: 25, max: 50 })
  const expand = (ctx.query.expand ?? '').split(',').includes('rotation')
  const all = ctx.rt.state.schedules
  const next = page.next(all.length, '/v1/schedules')
  return {
    status: 200,
    body: {
      values: all.slice(page.offset, page.offset + page.size).map((s) => scheduleView(s, expand)),
      links: next ? { next } : {},
      _expands: ['rotation'],
    },
  }
}

function scheduleOf(ctx: Ctx): ScheduleRecord {
  const s = ctx.rt.state.schedules.find((x) => x.id === ctx.params.scheduleId)
  if (!s) throw new JsmApiError(404, `Schedule with id [${ctx.params.scheduleId ?? ''}] not found.`)
  return s
}

function onCalls(ctx: Ctx): Reply {
  const s = scheduleOf(ctx)
  const at = ctx.query.date === undefined ? ctx.rt.now() : Date.parse(ctx.query.date)
  if (Number.isNaN(at)) throw new JsmApiError(422, 'date must be an ISO 8601 date-time')
  const ids = scheduleOnCall(s, at)
  if (ctx.query.flat === 'true') return { status: 200, body: { onCallUsers: ids } }
  return {
    status: 200,
    body: { onCallParticipants: ids.map((id) => ({ id, type: 'user' })) },
  }
}

function escalations(ctx: Ctx): Reply {
  const team = ctx.rt.state.teams.find((t) => t.id === ctx.params.teamId)
  if (!team) throw new JsmApiError(404, `Team with id [${ctx.params.teamId ?? ''}] not found.`)
  const page = offsetPage(ctx, { size: 20, max: 100 })
  const own = ctx.rt.state.escalations.filter((e) => e.ownerTeamId === team.id)
  const next = page.next(own.length, `/v1/teams/${team.id}/escalations`)
  return {
    status: 200,
    body: {
      values: own.slice(page.offset, page.offset + page.size).map((e) => ({
        id: e.id,
        name: e.name,
        description: e.description,
        enabled: true,
        rules: e.rules.map((r) => ({
          condition: r.condition,
          notifyType: 'default',
          // The description's minimum is 1 minute; the shared seed's immediate rule reads as 1.
          delay: Math.max(1, r.delayMinutes),
          recipient: r.recipient,
        })),
      })),
      links: next ? { next } : {},
    },
  }
}

/**
 * Users come from Jira's user search on the site (`/rest/api/3/users/search`): the ops API has
 * no user list. Atlassian account ids; the e-mail only when the profile shows it.
 */
function users(ctx: Ctx): Reply {
  const startAt = Number(ctx.query.startAt ?? 0)
  const max = Math.min(1000, Number(ctx.query.maxResults ?? 50))
  const list = ctx.rt.state.users.slice(startAt, startAt + max)
  return {
    status: 200,
    body: list.map((u) => ({
      accountId: u.id,
      accountType: 'atlassian',
      displayName: u.fullName,
      emailAddress: u.username,
      active: true,
      timeZone: u.timeZone,
    })) as unknown as Record<string, unknown>,
  }
}

export const jsmDirectoryRoutes: Route[] = [
  { method: 'GET', pattern: `${OPS}/teams`, handler: teams },
  { method: 'GET', pattern: `${OPS}/schedules`, handler: schedules },
  {
    method: 'GET',
    pattern: `${OPS}/schedules/:scheduleId`,
    handler: (ctx) => ({ status: 200, body: scheduleView(scheduleOf(ctx), true) }),
  },
  { method: 'GET', pattern: `${OPS}/schedules/:scheduleId/on-calls`, handler: onCalls },
  { method: 'GET', pattern: `${OPS}/teams/:teamId/escalations`, handler: escalations },
  { method: 'GET', pattern: '/rest/api/3/users/search', handler: users },
]
