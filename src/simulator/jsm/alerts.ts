import { z } from 'zod'
import { addNote } from '../alert-ops'
import { basicActionRoutes } from '../alert-actions'
import { createAlert } from '../alert-create'
import { moreActionRoutes } from '../alert-more-actions'
import { searchAlerts } from '../alert-search'
import { iso } from '../ids'
import { parseBody, PriorityValue } from '../payloads'
import type { Ctx, Reply, Route } from '../router'
import { findAlert } from '../store'
import { JsmApiError } from './errors'
import { jsmAlert, jsmNote } from './views'

/** Every ops API path starts here; the server checks `:cloudId` against the site's. */
export const OPS = '/jsm/ops/api/:cloudId/v1'

const Responder = z.object({
  id: z.string().min(1),
  type: z.enum(['team', 'user', 'escalation', 'schedule']),
})
const CreateAlertRequest = z.object({
  message: z.string(),
  responders: z.array(Responder).max(50).optional(),
  visibleTo: z.array(Responder).max(50).optional(),
  note: z.string().optional(),
  alias: z.string().optional(),
  entity: z.string().optional(),
  source: z.string().optional(),
  tags: z.array(z.string()).optional(),
  actions: z.array(z.string()).optional(),
  description: z.string().optional(),
  priority: PriorityValue.optional(),
  extraProperties: z.record(z.string(), z.string()).optional(),
})

/**
 * The Opsgenie mode's handler for one alert action, reused so both modes change the store, log
 * and send webhooks the same way (JSM keeps Opsgenie's alert action data, FACTS §7).
 */
function opsgenieAction(method: string, suffix: string): Route['handler'] {
  const pattern = `/v2/alerts/:identifier${suffix}`
  const route = [...basicActionRoutes, ...moreActionRoutes].find(
    (r) => r.method === method && r.pattern === pattern,
  )
  if (!route) throw new Error(`no Opsgenie simulator route ${method} ${pattern}`)
  return route.handler
}

/** A JSM action: its body translated to the Opsgenie mode's, the alert addressed by id only. */
function action(
  method: string,
  suffix: string,
  opsgenie: { method: string; suffix: string },
  translate: (body: unknown) => unknown = () => ({}),
): Route {
  const inner = opsgenieAction(opsgenie.method, opsgenie.suffix)
  return {
    method,
    pattern: `${OPS}/alerts/:id${suffix}`,
    handler: (ctx) =>
      inner({
        ...ctx,
        params: { identifier: ctx.params.id ?? '' },
        query: { identifierType: 'id' },
        body: translate(ctx.body),
      }),
  }
}

const parse =
  <S extends z.ZodType>(schema: S, map: (b: z.infer<S>) => unknown) =>
  (body: unknown): unknown =>
    map(parseBody(schema, body))

function alertOf(ctx: Ctx): NonNullable<ReturnType<typeof findAlert>> {
  const alert = findAlert(ctx.rt.state, ctx.params.id ?? '', 'id')
  if (!alert) throw new JsmApiError(404, `Alert with id [${ctx.params.id ?? ''}] does not exist.`)
  return alert
}

/** offset/size paging with `links.next` as the API description's examples show it (relative). */
export function offsetPage(
  ctx: Ctx,
  defaults: { size: number; max: number },
): { offset: number; size: number; next: (total: number, path: string) => string | undefined } {
  const offset = Number(ctx.query.offset ?? 0)
  const size = Number(ctx.query.size ?? defaults.size)
  if (!Number.isInteger(offset) || offset < 0)
    throw new JsmApiError(400, 'offset must be a non-negative integer')
  if (!Number.isInteger(size) || size < 1 || size > defaults.max)
    throw new JsmApiError(400, `size must be between 1 and ${defaults.max}`)
  return {
    offset,
    size,
    next: (total, path) => {
      if (offset + size >= total) return undefined
      const keep = Object.entries(ctx.query).filter(([k]) => k !== 'offset' && k !== 'size')
      const params = new URLSearchParams([
        ...keep,
        ['offset', String(offset + size)],
        ['size', String(size)],
      ])
      return `${path}?${params.toString()}`
    },
  }
}

const SORTS: Record<string, string> = {
  createdAt: 'createdAt',
  insertedAt: 'createdAt',
  lastOccurredAt: 'lastOccurredAt',
  priority: 'priority',
}

function listAlerts(ctx: Ctx): Reply {
  const page = offsetPage(ctx, { size: 20, max: 100 })
  if (page.offset + page.size >= 20_000)
    throw new JsmApiError(400, 'offset + size must be less than 20000')
  const sort = SORTS[ctx.query.sort ?? 'insertedAt']
  if (!sort) throw new JsmApiError(400, `sort must be one of ${Object.keys(SORTS).join(', ')}`)
  const now = ctx.rt.now()
  const matched = searchAlerts(
    ctx.rt.state.alerts.values(),
    {
      ...(ctx.query.query ? { query: ctx.query.query } : {}),
      sort,
      order: ctx.query.order ?? 'desc',
    },
    now,
    ctx.rt.search,
  )
  const from = ctx.query.from === undefined ? undefined : Number(ctx.query.from)
  const to = ctx.query.to === undefined ? undefined : Number(ctx.query.to)
  const inRange = matched.filter(
    (a) => (from === undefined || a.createdAt >= from) && (to === undefined || a.createdAt <= to),
  )
  const values = inRange.slice(page.offset, page.offset + page.size)
  const next = page.next(inRange.length, '/v1/alerts')
  return {
    status: 200,
    body: {
      values: values.map((a) => jsmAlert(a, now, ctx.rt.state)),
      count: inRange.length,
      links: next ? { next } : {},
    },
  }
}

function requestStatus(ctx: Ctx): Reply {
  const record = ctx.rt.state.requests.get(ctx.params.id ?? '')
  // A request not processed yet reads as unknown (404), as a live tenant answers (FACTS §3).
  if (!record?.processed || record.domain !== 'alert')
    throw new JsmApiError(
      404,
      `Request [${ctx.params.id ?? ''}] is not found or not processed yet.`,
    )
  const p = record.processed
  return {
    status: 200,
    body: {
      action: record.action,
      processedAt: iso(p.at),
      integrationId: record.integrationId,
      isSuccess: p.isSuccess,
      status: p.status,
      alertId: p.entityId,
      alias: p.alias,
    },
  }
}

function notes(ctx: Ctx): Reply {
  const alert = alertOf(ctx)
  const size = Math.min(100, Math.max(1, Number(ctx.query.size ?? 100) || 100))
  const sorted = [...alert.notes].sort((a, b) => b.offset.localeCompare(a.offset))
  const after = ctx.query.after
  const start = after === undefined ? 0 : sorted.findIndex((n) => jsmNote(n).id === after) + 1
  const page = sorted.slice(start, start + size)
  const last = page.at(-1)
  const more = last !== undefined && start + page.length < sorted.length
  const path = `/v1/alerts/${encodeURIComponent(alert.id)}/notes`
  return {
    status: 200,
    body: {
      values: page.map(jsmNote),
      links: more ? { next: `${path}?after=${String(jsmNote(last).id)}&size=${size}` } : {},
    },
  }
}

/** Notes are synchronous in JSM (200 with the note); the Opsgenie mode's AddNote webhook is kept. */
function addAlertNote(ctx: Ctx): Reply {
  const body = parseBody(z.object({ note: z.string().min(1, 'Note can not be empty.') }), ctx.body)
  const alert = alertOf(ctx)
  const { rt } = ctx
  const now = rt.now()
  const owner = ctx.principal.integrationName
  addNote(rt.state, alert, body.note, owner, now)
  alert.updatedAt = now
  const user = rt.state.users.find((u) => u.username === owner)
  rt.emit({
    kind: 'alert',
    action: 'AddNote',
    alert,
    actor: { username: owner, userId: user?.id ?? '' },
    at: now,
    requestId: '',
    extra: { note: body.note },
  })
  const note = alert.notes.at(-1)
  return { status: 200, body: note ? jsmNote(note) : {} }
}

function create(ctx: Ctx): Reply {
  const body = parseBody(CreateAlertRequest, ctx.body)
  const { extraProperties, ...rest } = body
  const reply = createAlert({
    ...ctx,
    body: { ...rest, ...(extraProperties ? { details: extraProperties } : {}) },
  })
  // The API description documents 200 for create (every other action 202).
  return { ...reply, status: 200 }
}

export const jsmAlertRoutes: Route[] = [
  { method: 'GET', pattern: `${OPS}/alerts`, handler: listAlerts },
  { method: 'POST', pattern: `${OPS}/alerts`, handler: create },
  {
    method: 'GET',
    pattern: `${OPS}/alerts/alias`,
    handler: (ctx) => {
      const alert = findAlert(ctx.rt.state, ctx.query.alias ?? '', 'alias')
      if (!alert)
        throw new JsmApiError(404, `Alert with alias [${ctx.query.alias ?? ''}] does not exist.`)
      return { status: 200, body: jsmAlert(alert, ctx.rt.now(), ctx.rt.state) }
    },
  },
  { method: 'GET', pattern: `${OPS}/alerts/requests/:id`, handler: requestStatus },
  {
    method: 'GET',
    pattern: `${OPS}/alerts/:id`,
    handler: (ctx) => ({ status: 200, body: jsmAlert(alertOf(ctx), ctx.rt.now(), ctx.rt.state) }),
  },
  { method: 'GET', pattern: `${OPS}/alerts/:id/notes`, handler: notes },
  { method: 'POST', pattern: `${OPS}/alerts/:id/notes`, handler: addAlertNote },
  action('POST', '/acknowledge', { method: 'POST', suffix: '/acknowledge' }),
  action('POST', '/unacknowledge', { method: 'POST', suffix: '/unacknowledge' }),
  action('POST', '/close', { method: 'POST', suffix: '/close' }),
  action(
    'POST',
    '/assign',
    { method: 'POST', suffix: '/assign' },
    parse(z.object({ accountId: z.string().min(1) }), (b) => ({ owner: { id: b.accountId } })),
  ),
  action(
    'POST',
    '/responders',
    { method: 'POST', suffix: '/responders' },
    parse(Responder, (b) => ({ responder: b })),
  ),
  action(
    'POST',
    '/escalate',
    { method: 'POST', suffix: '/escalate' },
    parse(z.object({ escalationId: z.string().min(1) }), (b) => ({
      escalation: { id: b.escalationId },
    })),
  ),
  action('POST', '/snooze', { method: 'POST', suffix: '/snooze' }, (b) => b ?? {}),
  action('PATCH', '/priority', { method: 'PUT', suffix: '/priority' }, (b) => b ?? {}),
  action('PATCH', '/message', { method: 'PUT', suffix: '/message' }, (b) => b ?? {}),
  action('PATCH', '/description', { method: 'PUT', suffix: '/description' }, (b) => b ?? {}),
]
