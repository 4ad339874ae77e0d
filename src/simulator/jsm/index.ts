import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { uuid } from '../../shared/uuid'
import type { Principal } from '../auth'
import { checkFaults, type FaultOptions } from '../faults'
import type { RateBudget, RateDomain } from '../rate-domains'
import { createAlert } from '../alert-create'
import { Router } from '../router'
import { Runtime } from '../runtime'
import { seedDemo } from '../seed-demo'
import { DEMO_ALERT_TEMPLATES } from '../seed-demo-alerts'
import type { Exchange } from '../server'
import { emptyState, type SimulatorState } from '../store'
import { WebhookDispatcher } from '../webhooks'
import { jsmAlertRoutes } from './alerts'
import { jsmDirectoryRoutes } from './directory'
import { jsmIncidentRoutes } from './incidents'
import type { IncidentProject } from './views'
import { DEFAULT_JSM_RATE_LIMIT, WindowLimiter, type JsmRateLimit } from './rate-limit'
import { handleJsm, type AccountEntry, type JsmAccount } from './server'

export type { JsmAccount } from './server'
export type { JsmRateLimit } from './rate-limit'

export interface JsmSimulatorOptions {
  port?: number
  host?: string
  accounts: JsmAccount[]
  /** The site's cloud id, answered by `/_edge/tenant_info` and required in every ops path. */
  cloudId: string
  seed?: 'demo' | 'empty'
  /** The service project whose issues of type Incident are the site's incidents. */
  incidentProject?: IncidentProject
  processingDelayMs?: number
  rateLimit?: JsmRateLimit
  webhook?: { url: string; headers?: Record<string, string> }
  trickleMs?: number
  faults?: FaultOptions
  random?: () => number
  onExchange?: (exchange: Exchange) => void
}

export interface RunningJsmSimulator {
  /** One origin serves the site (`/_edge`, `/rest/api/3`) and api.atlassian.com's paths. */
  url: string
  cloudId: string
  state: SimulatorState
  setRateLimit(limit: JsmRateLimit): void
  setFaults(faults: FaultOptions): void
  /**
   * The Opsgenie mode's control, so tests drive either simulator alike: JSM has one window per
   * site, so it takes the smallest per-minute budget given.
   */
  setRateLimits(limits: Partial<Record<RateDomain, RateBudget>>): void
  flushWebhooks(): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_INCIDENT_PROJECT = { key: 'OPS', id: '10001' }

/**
 * Starts a Jira Service Management Operations stand-in on a real port: the same store, async
 * runtime, demo seed and webhooks as the Opsgenie mode, behind JSM's auth, paths and shapes
 * (README.md in this folder).
 */
export async function startJsmSimulator(
  options: JsmSimulatorOptions,
): Promise<RunningJsmSimulator> {
  if (options.accounts.length === 0)
    throw new Error('startJsmSimulator needs at least one account (e-mail and API token)')
  if (!/^[A-Za-z0-9-]{1,64}$/.test(options.cloudId))
    throw new Error(`cloudId must be letters, digits and dashes, got '${options.cloudId}'`)
  const state = emptyState()
  if (options.seed === 'demo') seedDemo(state, Date.now())
  const accounts = new Map<string, AccountEntry>()
  for (const account of options.accounts) {
    if (!account.email || !account.apiToken)
      throw new Error('every JSM simulator account needs an e-mail and an API token')
    if (!state.users.some((u) => u.username === account.email))
      state.users.push({
        id: uuid(),
        username: account.email,
        fullName: account.email.split('@')[0] ?? account.email,
        role: 'Admin',
        timeZone: 'Europe/London',
        createdAt: Date.now(),
      })
    const principal: Principal = {
      key: account.email,
      kind: 'global',
      integrationId: uuid(),
      integrationName: account.email,
    }
    accounts.set(account.email, { account, principal })
  }
  let faults = checkFaults(options.faults ?? {})
  const limiter = new WindowLimiter(options.rateLimit ?? DEFAULT_JSM_RATE_LIMIT)
  const webhooks = new WebhookDispatcher(options.webhook, { id: uuid(), name: 'Webhook' })
  let url = ''
  const rt = new Runtime({
    state,
    plan: { name: 'Premium', incidentApi: true, serviceApi: true },
    processingDelayMs: options.processingDelayMs ?? 0,
    baseUrl: () => url,
    emit: (event) => webhooks.emit(event),
  })
  const router = new Router().add(
    ...jsmAlertRoutes,
    ...jsmDirectoryRoutes,
    ...jsmIncidentRoutes(options.incidentProject ?? DEFAULT_INCIDENT_PROJECT),
  )
  const deps = {
    router,
    accounts,
    cloudId: options.cloudId,
    limiter,
    rt,
    faults: () => faults,
    random: options.random ?? Math.random,
    onExchange: options.onExchange,
  }
  const server = createServer((req, res) => {
    handleJsm(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ title: String(error), code: 'INTERNAL_SERVER_ERROR' }] }))
    })
  })
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  url = `http://${host}:${address.port}`
  const first = accounts.values().next().value?.principal
  const trickle =
    options.trickleMs && first ? startTrickle(rt, first, options.trickleMs) : undefined
  return {
    url,
    cloudId: options.cloudId,
    state,
    setRateLimit: (limit) => limiter.set(limit),
    setRateLimits: (limits) => {
      const perMinute = Object.values(limits).map((b) => b.perMinute)
      if (perMinute.length > 0) limiter.set({ limit: Math.min(...perMinute), windowMs: 60_000 })
    },
    setFaults: (f) => {
      faults = checkFaults(f)
    },
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

function startTrickle(rt: Runtime, principal: Principal, everyMs: number): NodeJS.Timeout {
  let n = 0
  return setInterval(() => {
    const t = DEMO_ALERT_TEMPLATES[n % DEMO_ALERT_TEMPLATES.length]
    n += 1
    if (!t) return
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
