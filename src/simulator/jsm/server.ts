import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { ApiError } from '../api-error'
import type { Principal } from '../auth'
import { decideFault, type FaultOptions } from '../faults'
import type { Reply, Router } from '../router'
import type { Runtime } from '../runtime'
import type { Exchange } from '../server'
import { JsmApiError } from './errors'
import type { WindowLimiter } from './rate-limit'

/** One Atlassian account the simulator accepts: Basic auth with its e-mail and API token. */
export interface JsmAccount {
  email: string
  apiToken: string
  /**
   * `METHOD /path` prefixes this account may not use (403), e.g. `POST /jsm/ops/api/` for a user
   * without write access to alerts, or `POST /rest/api/3/issue` without the incident project.
   */
  forbidden?: readonly string[]
}

export interface JsmServerDeps {
  router: Router
  accounts: Map<string, AccountEntry>
  cloudId: string
  limiter: WindowLimiter
  rt: Runtime
  /** The Opsgenie mode's injected failures (latency, reset, error, dropped answer). */
  faults: () => FaultOptions
  random: () => number
  onExchange?: (exchange: Exchange) => void
}

const MAX_BODY = 1_000_000

export interface AccountEntry {
  account: JsmAccount
  principal: Principal
}

function accountOf(deps: JsmServerDeps, header: string | undefined): AccountEntry {
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null
  const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : ''
  const at = decoded.indexOf(':')
  const entry = at > 0 ? deps.accounts.get(decoded.slice(0, at)) : undefined
  const given = Buffer.from(decoded.slice(at + 1))
  const want = Buffer.from(entry?.account.apiToken ?? '')
  if (!entry || given.length !== want.length || !timingSafeEqual(given, want))
    throw new JsmApiError(401, 'Client must be authenticated to access this resource.')
  return entry
}

/** Auth, route, cloudId, rate limit, permissions, handler; every error in JSM's envelope. */
export async function handleJsm(
  deps: JsmServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid')
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
  const method = (req.method ?? 'GET').toUpperCase()
  const query: Record<string, string> = Object.fromEntries(url.searchParams)
  const raw = await readBody(req)
  const faults = deps.faults()
  if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
  const fault = decideFault(faults, deps.random)
  if (fault.kind === 'reset') {
    req.socket.destroy()
    return
  }
  let reply: Reply | undefined
  let requestBody: unknown = raw.trim() === '' ? undefined : raw
  let rateHeaders: Record<string, string> = {}
  try {
    if (fault.kind === 'error')
      throw new JsmApiError(
        fault.status,
        fault.status === 500 ? 'Internal Server Error' : 'Service Unavailable',
      )
    if (method === 'GET' && path === '/_edge/tenant_info') {
      reply = { status: 200, body: { cloudId: deps.cloudId } }
    } else {
      const { account, principal } = accountOf(deps, req.headers.authorization)
      if (method === 'GET' && path === '/rest/api/3/mypermissions') {
        reply = myPermissions(account, query)
        throw DONE
      }
      const match = deps.router.match(method, path)
      if (match === undefined) throw new JsmApiError(404, `No resource at ${method} ${path}`)
      if (match === 'method')
        throw new JsmApiError(405, `Method ${method} is not allowed for ${path}`)
      if (match.params.cloudId !== undefined && match.params.cloudId !== deps.cloudId)
        throw new JsmApiError(404, `No site with cloudId ${match.params.cloudId}`)
      const taken = deps.limiter.take()
      rateHeaders = taken.headers
      if (!taken.ok)
        throw new JsmApiError(429, 'Rate limit exceeded.', 'TOO_MANY_REQUESTS', taken.headers)
      if ((account.forbidden ?? []).some((p) => `${method} ${path}`.startsWith(p)))
        throw new JsmApiError(403, 'You are not authorized to perform this operation.')
      requestBody = parseJson(raw)
      reply = match.route.handler({
        method,
        params: match.params,
        query,
        body: requestBody,
        principal,
        rt: deps.rt,
      })
      // SuccessResponse carries `took`, an integer in the API description.
      if (reply.body.result === 'Request will be processed') reply.body.took = 0
    }
  } catch (error) {
    if (error !== DONE) reply = errorReply(error)
  }
  reply ??= errorReply(new Error('no reply'))
  if (fault.kind === 'drop') {
    req.socket.destroy()
    return
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json;charset=UTF-8',
    ...rateHeaders,
    ...reply.headers,
  }
  const text = reply.status === 204 ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, { ...headers, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
  deps.onExchange?.({
    method,
    path,
    query,
    requestHeaders: flatHeaders(req),
    requestBody,
    status: reply.status,
    responseHeaders: headers,
    responseBody: reply.status === 204 ? undefined : reply.body,
  })
}

const DONE = Symbol('answered')

/**
 * Jira's `mypermissions` for the incident project: what the connect check reads to say whether
 * incidents can be created and moved through their workflow, without writing anything.
 */
function myPermissions(account: JsmAccount, query: Record<string, string>): Reply {
  const wanted = (query.permissions ?? '').split(',').filter(Boolean)
  if (wanted.length === 0)
    throw new JsmApiError(400, 'The permissions query parameter is required.')
  const denied = (prefix: string): boolean =>
    (account.forbidden ?? []).some((f) => prefix.startsWith(f) || f.startsWith(prefix))
  const have: Record<string, boolean> = {
    BROWSE_PROJECTS: !denied('POST /rest/api/3/search'),
    CREATE_ISSUES: !denied('POST /rest/api/3/issue'),
    TRANSITION_ISSUES: !denied('POST /rest/api/3/issue/'),
  }
  const permissions = Object.fromEntries(
    wanted.map((key) => [key, { key, havePermission: have[key] ?? false }]),
  )
  return { status: 200, body: { permissions } }
}

function errorReply(error: unknown): Reply {
  if (error instanceof JsmApiError) {
    if (error.status === 401)
      return { status: 401, body: { code: 401, message: error.message }, headers: error.headers }
    return {
      status: error.status,
      body: { errors: [{ title: error.message, code: error.code }] },
      headers: error.headers,
    }
  }
  if (error instanceof ApiError) {
    // A body the shared (Opsgenie mode) parsers refused: field problems as one title each.
    const fields = Object.entries(error.extra.errors ?? {})
    const errors =
      fields.length > 0
        ? fields.map(([field, text]) => ({ title: `${field}: ${text}`, code: 'BAD_REQUEST' }))
        : [{ title: error.message, code: error.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' }]
    return { status: error.status === 422 ? 400 : error.status, body: { errors } }
  }
  const title = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`
  return { status: 500, body: { errors: [{ title, code: 'INTERNAL_SERVER_ERROR' }] } }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new JsmApiError(400, 'Could not parse the request body: invalid JSON')
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY) break
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}
