import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RateBudget, RateDomain } from './rate-domains'
import { createAlert } from './alert-create'
import { checkAccessRights, type Plan, type Principal, type SimulatorKey } from './auth'
import { checkFaults, type FaultOptions } from './faults'
import { uuid } from '../shared/uuid'
import { RateLimiter } from './rate-limiter'
import { buildRouter } from './routes'
import { Runtime } from './runtime'
import { seedDemo } from './seed-demo'
import { DEMO_ALERT_TEMPLATES } from './seed-demo-alerts'
import { handle, type Exchange, type Throttling } from './server'
import type { SearchOptions } from './search-fields'
import { emptyState, type SimulatorState } from './store'
import { WebhookDispatcher } from './webhooks'

export { ACCESS_RIGHTS, type AccessRight, type KeyKind, type SimulatorKey } from './auth'
export type { FaultOptions } from './faults'
export type { Exchange, Throttling } from './server'
export type { SearchOptions } from './search-fields'
export type * from './store'

export interface SimulatorOptions {
  port?: number
  host?: string
  keys: SimulatorKey[]
  plan?: Plan
  seed?: 'demo' | 'empty'
  processingDelayMs?: number
  rateLimits?: Partial<Record<RateDomain, RateBudget>>
  faults?: FaultOptions
  webhook?: { url: string; headers?: Record<string, string> }
  trickleMs?: number
  random?: () => number
  onExchange?: (exchange: Exchange) => void
  /** Search strictness: documented fields only unless listed here (`search-fields.ts`). */
  search?: SearchOptions
  /**
   * What an over-limit request gets. Opsgenie's rate-limiting page: a request over the limit "is
   * either rejected with the HTTP status 429 - Too Many Requests or delayed to be executed".
   * `reject` (default) answers 429; `delay` holds the request until its domain has a token.
   */
  throttling?: Throttling
  /**
   * Requests answered 403 code 40302 ("authorised, but this request is not supported", API-NOTES
   * §2.3), each `METHOD /path` matched as a prefix, e.g. `POST /v2/alerts/` for every alert action.
   */
  unsupported?: readonly string[]
}

export interface RunningSimulator {
  url: string
  close(): Promise<void>
  setFaults(f: FaultOptions): void
  setRateLimits(l: Partial<Record<RateDomain, RateBudget>>): void
  state: SimulatorState
  flushWebhooks(): Promise<void>
}

/** Starts an Opsgenie stand-in on a real port (README.md in this folder lists what it models). */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  if (options.keys.length === 0)
    throw new Error('startSimulator needs at least one API key in options.keys')
  const state = emptyState()
  if (options.seed === 'demo') seedDemo(state, Date.now())
  const keys = principals(options.keys, state)
  let faults = checkFaults(options.faults ?? {})
  const limiter = new RateLimiter(options.rateLimits)
  const webhooks = new WebhookDispatcher(options.webhook, { id: uuid(), name: 'Webhook' })
  let url = ''
  const rt = new Runtime({
    state,
    plan: options.plan ?? { name: 'Enterprise', incidentApi: true, serviceApi: true },
    processingDelayMs: options.processingDelayMs ?? 0,
    baseUrl: () => url,
    emit: (event) => webhooks.emit(event),
    search: options.search,
  })
  const deps = {
    router: buildRouter(limiter),
    keys,
    limiter,
    rt,
    faults: () => faults,
    random: options.random ?? Math.random,
    onExchange: options.onExchange,
    throttling: options.throttling ?? 'reject',
    unsupported: options.unsupported ?? [],
  }
  const server = createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify({
          message: `Internal Server Error: ${String(error)}`,
          took: 0,
          requestId: uuid(),
        }),
      )
    })
  })
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  url = `http://${host}:${address.port}`
  const trickle = options.trickleMs
    ? startTrickle(rt, [...keys.values()], options.trickleMs)
    : undefined
  return {
    url,
    state,
    setFaults: (f) => {
      faults = checkFaults(f)
    },
    setRateLimits: (l) => limiter.set(l),
    flushWebhooks: async () => {
      await rt.settled()
      await webhooks.flush()
    },
    close: async () => {
      if (trickle) clearInterval(trickle)
      rt.stop()
      webhooks.close()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    },
  }
}

function principals(list: SimulatorKey[], state: SimulatorState): Map<string, Principal> {
  const map = new Map<string, Principal>()
  for (const key of list) {
    if (!key.key) throw new Error('every simulator key needs a non-empty key string')
    checkAccessRights(key)
    if (key.kind === 'team') {
      if (!key.teamName) throw new Error(`team key ${key.key} needs a teamName`)
      // A team key implies its team exists, even in the empty seed.
      if (!state.teams.some((t) => t.name === key.teamName))
        state.teams.push({ id: uuid(), name: key.teamName, description: '', memberIds: [] })
    }
    const name =
      key.kind === 'team'
        ? `${key.teamName ?? ''}_API`
        : key.kind === 'account'
          ? 'API Key Management'
          : 'API'
    map.set(key.key, { ...key, integrationId: uuid(), integrationName: name })
  }
  return map
}

function startTrickle(rt: Runtime, keys: Principal[], everyMs: number): NodeJS.Timeout {
  const principal = keys.find((k) => k.kind === 'global') ?? keys[0]
  let n = 0
  return setInterval(() => {
    const t = DEMO_ALERT_TEMPLATES[n % DEMO_ALERT_TEMPLATES.length]
    n += 1
    if (!t || !principal) return
    const body = {
      message: t.message,
      alias: `trickle-${n}`,
      tags: t.tags,
      priority: (['P1', 'P2', 'P3', 'P4', 'P5'] as const)[n % 5],
      responders: [{ type: 'team', name: t.team }],
      source: 'demo-trickle',
    }
    createAlert({ method: 'POST', params: {}, query: {}, body, principal, rt })
  }, everyMs)
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
