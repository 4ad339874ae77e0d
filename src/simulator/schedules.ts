import { ApiError, notFound } from './api-error'
import { identifierType } from './alerts-read'
import { iso } from './ids'
import { nextHandover, scheduleOnCall } from './on-call'
import { ok, type Ctx, type Reply, type Route } from './router'
import type { ScheduleRecord, SimulatorState } from './store'

function scheduleView(
  s: ScheduleRecord,
  state: SimulatorState,
  withRotations: boolean,
): Record<string, unknown> {
  const team = state.teams.find((t) => t.id === s.ownerTeamId)
  const rotations = s.rotations.map((r) => ({
    id: r.id,
    name: r.name,
    startDate: iso(r.startDate),
    ...(r.endDate === undefined ? {} : { endDate: iso(r.endDate) }),
    type: r.type,
    length: r.length,
    participants: r.participantIds.map((id) => ({
      type: 'user',
      id,
      username: state.users.find((u) => u.id === id)?.username ?? '',
    })),
  }))
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    timezone: s.timezone,
    enabled: s.enabled,
    ownerTeam: { id: s.ownerTeamId, name: team?.name ?? '' },
    ...(withRotations ? { rotations } : {}),
  }
}

function scheduleFromPath(ctx: Ctx, typeParam: string): ScheduleRecord {
  const type = identifierType(ctx.query, ['id', 'name'], typeParam)
  const id = ctx.params.identifier ?? ''
  const s = ctx.rt.state.schedules.find((x) => (type === 'id' ? x.id === id : x.name === id))
  if (!s) throw notFound(`Schedule with ${type} [${id}] does not exist`)
  return s
}

function dateParam(ctx: Ctx): number {
  const raw = ctx.query.date
  if (raw === undefined) return ctx.rt.now()
  const at = Date.parse(raw)
  if (Number.isNaN(at)) throw new ApiError(422, `date must be an ISO-8601 date-time, got '${raw}'`)
  return at
}

function participants(
  ids: string[],
  state: SimulatorState,
): { usernames: string[]; objects: Record<string, unknown>[] } {
  const users = ids.map((id) => state.users.find((u) => u.id === id)).filter((u) => u !== undefined)
  return {
    usernames: users.map((u) => u.username),
    objects: users.map((u) => ({ id: u.id, name: u.username, type: 'user' })),
  }
}

function onCalls(ctx: Ctx): Reply {
  const s = scheduleFromPath(ctx, 'scheduleIdentifierType')
  const who = participants(scheduleOnCall(s, dateParam(ctx)), ctx.rt.state)
  const parent = { id: s.id, name: s.name, enabled: s.enabled }
  if (ctx.query.flat === 'true') return ok({ _parent: parent, onCallRecipients: who.usernames })
  return ok({ _parent: parent, onCallParticipants: who.objects })
}

/** Flat answers use the spec's string-array fields (`*Participants`), nested ones the object arrays. */
function nextOnCalls(ctx: Ctx): Reply {
  const s = scheduleFromPath(ctx, 'scheduleIdentifierType')
  const at = nextHandover(s, dateParam(ctx))
  const who = participants(at === undefined ? [] : scheduleOnCall(s, at), ctx.rt.state)
  const parent = { id: s.id, name: s.name, enabled: s.enabled }
  if (ctx.query.flat === 'true')
    return ok({
      _parent: parent,
      nextOnCallParticipants: who.usernames,
      exactNextOnCallParticipants: who.usernames,
    })
  return ok({
    _parent: parent,
    nextOnCallRecipients: who.objects,
    exactNextOnCallRecipients: who.objects,
  })
}

export const scheduleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/schedules',
    handler: (ctx) => {
      const expand = (ctx.query.expand ?? '').split(',').includes('rotation')
      return ok(
        ctx.rt.state.schedules.map((s) => scheduleView(s, ctx.rt.state, expand)),
        { expandable: ['rotation'] },
      )
    },
  },
  {
    method: 'GET',
    pattern: '/v2/schedules/:identifier',
    handler: (ctx) => ok(scheduleView(scheduleFromPath(ctx, 'identifierType'), ctx.rt.state, true)),
  },
  { method: 'GET', pattern: '/v2/schedules/:identifier/on-calls', handler: onCalls },
  { method: 'GET', pattern: '/v2/schedules/:identifier/next-on-calls', handler: nextOnCalls },
]
