import { ApiError, notFound } from './api-error'
import { canSee } from './alert-ops'
import { baseAlert, fullAlert } from './alert-view'
import { searchAlerts } from './alert-search'
import { iso } from './ids'
import { MAX_OFFSET_PLUS_LIMIT, pageRequest, pagingLinks } from './paging'
import { ok, type Ctx, type Reply, type Route } from './router'
import { findAlert, type AlertRecord, type LogRecord, type NoteRecord } from './store'

export function identifierType(
  query: Record<string, string>,
  allowed: string[],
  name = 'identifierType',
): string {
  const type = query[name] ?? 'id'
  if (!allowed.includes(type))
    throw new ApiError(422, `${name} must be one of ${allowed.join(', ')}, got '${type}'`)
  return type
}

export function alertFromPath(ctx: Ctx): AlertRecord {
  const type = identifierType(ctx.query, ['id', 'alias', 'tiny'])
  const alert = findAlert(ctx.rt.state, ctx.params.identifier ?? '', type)
  if (!alert || !canSee(ctx.principal, alert.responders))
    throw notFound(
      `Alert with ${type === 'id' ? 'id' : type} [${ctx.params.identifier ?? ''}] does not exist`,
    )
  return alert
}

function visible(ctx: Ctx): AlertRecord[] {
  return [...ctx.rt.state.alerts.values()].filter((a) => canSee(ctx.principal, a.responders))
}

function listAlerts(ctx: Ctx): Reply {
  const page = pageRequest(ctx.query)
  if (page.offset + page.limit > MAX_OFFSET_PLUS_LIMIT) {
    throw new ApiError(
      422,
      `offset + limit must not exceed ${MAX_OFFSET_PLUS_LIMIT}; narrow the query (for example with a createdAt range) instead of paging deeper`,
    )
  }
  const now = ctx.rt.now()
  const matched = searchAlerts(visible(ctx), ctx.query, now, ctx.rt.search)
  const items = matched.slice(page.offset, page.offset + page.limit).map((a) => baseAlert(a, now))
  const { paging, headers } = pagingLinks(
    ctx.rt.baseUrl(),
    '/v2/alerts',
    ctx.query,
    page,
    matched.length,
    MAX_OFFSET_PLUS_LIMIT,
  )
  return ok(items, { paging }, headers)
}

function countAlerts(ctx: Ctx): Reply {
  return ok({ count: searchAlerts(visible(ctx), ctx.query, ctx.rt.now(), ctx.rt.search).length })
}

function requestStatus(ctx: Ctx): Reply {
  const record = ctx.rt.state.requests.get(ctx.params.requestId ?? '')
  if (!record || record.domain !== 'alert')
    throw notFound(`Request [${ctx.params.requestId ?? ''}] does not exist`)
  if (!record.processed) {
    throw new ApiError(404, 'Request has not been processed yet', {
      headers: { 'X-Opsgenie-Errortype': 'RequestNotProcessed' },
    })
  }
  const p = record.processed
  return ok({
    success: p.isSuccess,
    action: record.action,
    processedAt: iso(p.at),
    integrationId: record.integrationId,
    isSuccess: p.isSuccess,
    status: p.status,
    alertId: p.entityId,
    alias: p.alias,
  })
}

/** Notes and logs page with an opaque string `offset` cursor and `direction` (oas AlertPaging). */
export function cursorPage<T extends NoteRecord | LogRecord>(
  ctx: Ctx,
  items: T[],
  path: string,
): Reply {
  const limit = Math.min(100, Math.max(1, Number(ctx.query.limit ?? 100) || 100))
  const order = ctx.query.order === 'asc' ? 'asc' : 'desc'
  const direction = ctx.query.direction === 'prev' ? 'prev' : 'next'
  const sorted = [...items].sort(
    (a, b) => (order === 'asc' ? 1 : -1) * a.offset.localeCompare(b.offset),
  )
  const from = ctx.query.offset
  const at = from === undefined ? -1 : sorted.findIndex((i) => i.offset === from)
  const start = direction === 'next' ? at + 1 : Math.max(0, at - limit)
  const end = direction === 'next' ? start + limit : Math.max(0, at)
  const page = sorted.slice(start, end)
  const data = page.map((i) => ({ ...i, createdAt: iso(i.createdAt) }))
  const base = `${ctx.rt.baseUrl()}${path}`
  const keep = `identifierType=${encodeURIComponent(ctx.query.identifierType ?? 'id')}&order=${order}&limit=${limit}`
  const paging: Record<string, string> = { first: `${base}?${keep}` }
  const last = page.at(-1)
  if (last && start + page.length < sorted.length)
    paging.next = `${base}?${keep}&offset=${encodeURIComponent(last.offset)}&direction=next`
  return ok(data, { paging })
}

export const alertReadRoutes: Route[] = [
  { method: 'GET', pattern: '/v2/alerts', handler: listAlerts },
  { method: 'GET', pattern: '/v2/alerts/count', handler: countAlerts },
  { method: 'GET', pattern: '/v2/alerts/requests/:requestId', handler: requestStatus },
  {
    method: 'GET',
    pattern: '/v2/alerts/:identifier',
    handler: (ctx) => ok(fullAlert(alertFromPath(ctx), ctx.rt.now())),
  },
  {
    method: 'GET',
    pattern: '/v2/alerts/:identifier/notes',
    handler: (ctx) =>
      cursorPage(
        ctx,
        alertFromPath(ctx).notes,
        `/v2/alerts/${encodeURIComponent(ctx.params.identifier ?? '')}/notes`,
      ),
  },
  {
    method: 'GET',
    pattern: '/v2/alerts/:identifier/logs',
    handler: (ctx) =>
      cursorPage(
        ctx,
        alertFromPath(ctx).logs,
        `/v2/alerts/${encodeURIComponent(ctx.params.identifier ?? '')}/logs`,
      ),
  },
]
