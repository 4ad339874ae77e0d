import type { IncomingMessage, ServerResponse } from 'node:http'
import { simulatedRateDomainOf } from './rate-domains'
import { ApiError } from './api-error'
import { apiKeyOf, authenticate, authorize, type Principal } from './auth'
import { decideFault, type FaultOptions } from './faults'
import { uuid } from '../shared/uuid'
import type { RateLimiter } from './rate-limiter'
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
}

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
    const decision = deps.limiter.take(simulatedRateDomainOf(method, path))
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
