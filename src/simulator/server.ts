import type { IncomingMessage, ServerResponse } from 'node:http'
import { simulatedRateDomainOf } from './rate-domains'
import { ApiError } from './api-error'
import { apiKeyOf, authenticate, authorize, type Principal } from './auth'
import { decideFault, type FaultOptions } from './faults'
import { uuid } from '../shared/uuid'
import type { RateDecision, RateLimiter } from './rate-limiter'
import type { RateDomain } from './rate-domains'
import type { Reply, Router } from './router'
import type { Runtime } from './runtime'

export interface Exchange {
  method: string
  path: string
  query: Record<string, string>
  requestHeaders: Record<string, string>
  requestBody: unknown
  status: number
  responseHeaders: Record<string, string>
  responseBody: unknown
}

export interface ServerDeps {
  router: Router
  keys: Map<string, Principal>
  limiter: RateLimiter
  rt: Runtime
  faults: () => FaultOptions
  random: () => number
  onExchange?: (exchange: Exchange) => void
  throttling: Throttling
  unsupported: readonly string[]
}

/** `reject`: 429 when a domain's bucket is empty; `delay`: wait for a token, then answer. */
export type Throttling = 'reject' | 'delay'

/** The longest a delayed request waits before it is answered 429 after all. */
const MAX_DELAY_MS = 60_000

const TOO_MANY =
  'You are making too many requests! To avoid errors, we recommend you limit requests.'
const MAX_BODY = 1_000_000

/** One request through Opsgenie's order of checks: faults, auth, route, rate limit, permissions, handler. */
export async function handle(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now()
  const requestId = uuid()
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
  let reply: Reply
  let requestBody: unknown = raw
  try {
    if (fault.kind === 'error') {
      throw new ApiError(
        fault.status,
        fault.status === 500 ? 'Internal Server Error' : 'Service Unavailable',
      )
    }
    const principal = authenticate(deps.keys, apiKeyOf(req, url))
    const match = deps.router.match(method, path)
    if (match === undefined) throw new ApiError(404, `No handler found for ${method} ${path}`)
    if (match === 'method') throw new ApiError(405, `Method ${method} is not allowed for ${path}`)
    const decision = await admit(deps, simulatedRateDomainOf(method, path))
    if (!decision.ok) {
      throw new ApiError(429, TOO_MANY, {
        headers: {
          'X-RateLimit-State': 'THROTTLED',
          'X-RateLimit-Reason': 'ACCOUNT',
          'X-RateLimit-Period-In-Sec': String(decision.periodInSec),
        },
      })
    }
    authorize(principal, method, match.route.gate ?? {}, deps.rt.plan, path)
    if (deps.unsupported.some((prefix) => `${method} ${path}`.startsWith(prefix)))
      throw new ApiError(403, 'The request is not supported.', { code: 40302 })
    requestBody = parseJson(raw)
    reply = match.route.handler({
      method,
      params: match.params,
      query,
      body: requestBody,
      principal,
      rt: deps.rt,
    })
  } catch (error) {
    reply = errorReply(error)
  }
  if (fault.kind === 'drop') {
    req.socket.destroy()
    return
  }
  const took = Math.round(performance.now() - started) / 1000
  const id = typeof reply.body.requestId === 'string' ? reply.body.requestId : requestId
  const body = { ...reply.body, took, requestId: id }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Request-ID': id,
    'X-Response-Time': String(took),
    'X-RateLimit-State': 'OK',
    ...reply.headers,
  }
  const text = JSON.stringify(body)
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
    responseBody: body,
  })
}

/**
 * Takes a token from the domain's buckets. In `delay` mode an empty bucket holds the request
 * (polling for a token at the per-second refill pace) instead of refusing it, as Opsgenie may.
 */
async function admit(deps: ServerDeps, domain: RateDomain): Promise<RateDecision> {
  const started = Date.now()
  for (;;) {
    const decision = deps.limiter.take(domain)
    if (decision.ok || deps.throttling === 'reject') return decision
    if (Date.now() - started > MAX_DELAY_MS) return decision
    const budget = deps.limiter.budget(domain)
    const waitMs = decision.periodInSec === 1 ? 1000 / budget.perSecond : 60_000 / budget.perMinute
    await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.ceil(waitMs))))
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) {
    const { code, errors, headers } = error.extra
    return {
      status: error.status,
      body: { message: error.message, ...(code ? { code } : {}), ...(errors ? { errors } : {}) },
      headers,
    }
  }
  return {
    status: 500,
    body: {
      message: `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`,
    },
  }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new ApiError(400, 'Could not parse the request body: invalid JSON')
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
