import { SIMULATED_RATE_DOMAINS } from './rate-domains'
import { ApiError, notFound } from './api-error'
import { identifierType } from './alerts-read'
import { iso } from './ids'
import { pageRequest, pagingLinks } from './paging'
import type { RateLimiter } from './rate-limiter'
import { ok, type Ctx, type Reply, type Route } from './router'
import type {
  EscalationRecord,
  ServiceRecord,
  SimulatorState,
  TeamRecord,
  UserRecord,
} from './store'

function links(base: string, kind: string, id: string): { web: string; api: string } {
  return { web: `${base}/${kind}/${id}`, api: `${base}/v2/${kind}s/${id}` }
}

function teamView(
  t: TeamRecord,
  state: SimulatorState,
  base: string,
  members: boolean,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    description: t.description,
    links: links(base, 'team', t.id),
  }
  if (members) {
    view.members = t.memberIds.map((id, n) => ({
      user: { id, username: state.users.find((u) => u.id === id)?.username ?? '' },
      role: n === 0 ? 'admin' : 'user',
    }))
  }
  return view
}

function userView(u: UserRecord): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: { id: u.role, name: u.role },
    blocked: false,
    verified: true,
    timeZone: u.timeZone,
    locale: 'en_US',
    tags: [],
    details: {},
    createdAt: iso(u.createdAt),
  }
}

function serviceView(s: ServiceRecord, base: string): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    teamId: s.teamId,
    tags: s.tags,
    visibility: 'TEAM_MEMBERS',
    links: { web: `${base}/service/${s.id}/status`, api: `${base}/v1/services/${s.id}` },
    isExternal: false,
  }
}

function escalationView(e: EscalationRecord, state: SimulatorState): Record<string, unknown> {
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    ownerTeam: {
      id: e.ownerTeamId,
      name: state.teams.find((t) => t.id === e.ownerTeamId)?.name ?? '',
    },
    rules: e.rules.map((r) => ({
      condition: r.condition,
      notifyType: 'default',
      delay: { timeAmount: r.delayMinutes, timeUnit: 'minutes' },
      recipient: r.recipient,
    })),
    repeat: { waitInterval: 0, count: 0, resetRecipientStates: false, closeAlertAfterAll: false },
  }
}

function byIdOrName<T extends { id: string; name: string }>(
  ctx: Ctx,
  list: T[],
  what: string,
  nameType = 'name',
): T {
  const type = identifierType(ctx.query, ['id', nameType])
  const key = ctx.params.identifier ?? ''
  const found = list.find((x) => (type === 'id' ? x.id === key : x.name === key))
  if (!found) throw notFound(`${what} with ${type} [${key}] does not exist`)
  return found
}

function paged<T>(
  ctx: Ctx,
  path: string,
  items: T[],
  view: (item: T) => Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Reply {
  const page = pageRequest(ctx.query)
  const { paging, headers } = pagingLinks(ctx.rt.baseUrl(), path, ctx.query, page, items.length)
  return ok(
    items.slice(page.offset, page.offset + page.limit).map(view),
    { ...extra, paging },
    headers,
  )
}

function listUsers(ctx: Ctx): Reply {
  const q = (ctx.query.query ?? '').toLowerCase()
  const sort = ctx.query.sort ?? 'username'
  if (!['username', 'fullName', 'createdAt', 'role'].includes(sort))
    throw new ApiError(
      422,
      `sort must be one of username, fullName, createdAt, role, got '${sort}'`,
    )
  const sign = ctx.query.order === 'desc' ? -1 : 1
  const users = ctx.rt.state.users
    .filter(
      (u) => !q || `${u.username} ${u.fullName}`.toLowerCase().includes(q.replace(/^[a-z]+:/, '')),
    )
    .sort(
      (a, b) =>
        sign *
        String(a[sort as keyof UserRecord]).localeCompare(String(b[sort as keyof UserRecord])),
    )
  return paged(ctx, '/v2/users', users, userView, { totalCount: users.length })
}

export function configRoutes(limiter: RateLimiter): Route[] {
  const userNamed = (ctx: Ctx): UserRecord =>
    byIdOrName(
      ctx,
      ctx.rt.state.users.map((u) => ({ ...u, name: u.username })),
      'User',
      'username',
    )
  return [
    {
      method: 'GET',
      pattern: '/v2/teams',
      handler: (ctx) =>
        ok(
          ctx.rt.state.teams.map((t) => teamView(t, ctx.rt.state, ctx.rt.baseUrl(), false)),
          { expandable: ['member'] },
        ),
    },
    {
      method: 'GET',
      pattern: '/v2/teams/:identifier',
      handler: (ctx) =>
        ok(
          teamView(
            byIdOrName(ctx, ctx.rt.state.teams, 'Team'),
            ctx.rt.state,
            ctx.rt.baseUrl(),
            true,
          ),
        ),
    },
    // Opsgenie refuses users to team keys: "Team API Keys are not authorized to perform this action."
    { method: 'GET', pattern: '/v2/users', handler: listUsers, gate: { accountLevel: true } },
    {
      method: 'GET',
      pattern: '/v2/users/:identifier',
      handler: (ctx) => ok(userView(userNamed(ctx))),
      gate: { accountLevel: true },
    },
    {
      method: 'GET',
      pattern: '/v2/escalations',
      handler: (ctx) => ok(ctx.rt.state.escalations.map((e) => escalationView(e, ctx.rt.state))),
    },
    {
      method: 'GET',
      pattern: '/v2/escalations/:identifier',
      handler: (ctx) =>
        ok(escalationView(byIdOrName(ctx, ctx.rt.state.escalations, 'Escalation'), ctx.rt.state)),
    },
    {
      method: 'GET',
      pattern: '/v1/services',
      handler: (ctx) =>
        paged(ctx, '/v1/services', ctx.rt.state.services, (s) => serviceView(s, ctx.rt.baseUrl())),
      gate: { plan: 'service' },
    },
    {
      method: 'GET',
      pattern: '/v1/services/:identifier',
      handler: (ctx) =>
        ok(serviceView(byIdOrName(ctx, ctx.rt.state.services, 'Service'), ctx.rt.baseUrl())),
      gate: { plan: 'service' },
    },
    {
      method: 'GET',
      pattern: '/v2/account',
      gate: { accountLevel: true },
      handler: (ctx) =>
        ok({
          name: 'ondeck-simulator',
          userCount: ctx.rt.state.users.length,
          plan: { maxUserCount: 1500, name: ctx.rt.plan.name, isYearly: true },
        }),
    },
    {
      method: 'GET',
      pattern: '/v2/request-limits',
      gate: { accountLevel: true },
      handler: () =>
        ok({
          rateLimits: SIMULATED_RATE_DOMAINS.map((domain) => ({
            domain,
            limits: [
              { limit: limiter.budget(domain).perMinute, periodInSeconds: 60 },
              { limit: limiter.budget(domain).perSecond, periodInSeconds: 1 },
            ],
          })),
        }),
    },
  ]
}
