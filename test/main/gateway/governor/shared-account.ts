import type { RateBudget, RateDomain } from '../../../../src/shared/opsgenie/rate-domains'
import { createMemorySecretStore } from '../../../../src/main/gateway/secrets'
import {
  createWorkspaces,
  type Connection,
  type Workspaces,
} from '../../../../src/main/gateway/workspaces'
import { startSimulator, type RunningSimulator } from '../../../../src/simulator/index'

/**
 * One simulated Opsgenie account used by several clients at once: Ondeck desktops (each its own
 * workspace registry, so its own governor, as on separate machines) and raw clients that ignore
 * rate limits. The simulator's limiter is per account, so every key below draws on one budget.
 * Shared by the governor's integration tests and `bench/governor-shared.bench.ts`.
 */
export interface Hit {
  /** `performance.now()` when the simulator finished answering. */
  readonly at: number
  readonly key: string
  readonly domain: RateDomain | 'other'
  readonly path: string
  readonly status: number
  /** `X-RateLimit-Period-In-Sec` of a 429. */
  readonly periodSeconds?: number
}

export interface SharedAccount {
  readonly sim: RunningSimulator
  readonly hits: Hit[]
  close(): Promise<void>
}

export async function startSharedAccount(
  keys: readonly string[],
  rateLimits: Partial<Record<RateDomain, RateBudget>>,
  teamKey?: string,
): Promise<SharedAccount> {
  const hits: Hit[] = []
  const sim = await startSimulator({
    seed: 'empty',
    rateLimits,
    keys: [
      ...keys.map((key) => ({ key, kind: 'global' as const })),
      ...(teamKey !== undefined
        ? [{ key: teamKey, kind: 'team' as const, teamName: 'Platform' }]
        : []),
    ],
    onExchange: (e) => {
      const period = Number(e.responseHeaders['X-RateLimit-Period-In-Sec'])
      hits.push({
        at: performance.now(),
        key: (e.requestHeaders['authorization'] ?? '').replace(/^GenieKey /, ''),
        domain: e.path.startsWith('/v2/alerts/') ? 'alert' : 'other',
        path: e.path,
        status: e.status,
        ...(e.status === 429 && period > 0 ? { periodSeconds: period } : {}),
      })
    },
  })
  return { sim, hits, close: () => sim.close() }
}

export interface Desktop {
  readonly workspaces: Workspaces
  readonly connection: Connection
}

/** One Ondeck desktop connected to the account with its own key, through the real wiring. */
export async function connectDesktop(
  sim: RunningSimulator,
  key: string,
  options: { accountShare?: number } = {},
): Promise<Desktop> {
  const secrets = createMemorySecretStore()
  await secrets.set({ workspaceId: 'acme', kind: 'api-key' }, key, sim.url)
  const workspaces = createWorkspaces({
    secrets,
    demoSecrets: createMemorySecretStore(),
    onIntakeEvent: () => undefined,
    onHealth: () => undefined,
    ...options,
  })
  const connection = await workspaces.connect({
    id: 'acme',
    name: 'Acme',
    host: sim.url,
    demo: false,
  })
  return { workspaces, connection }
}

/**
 * A responder's desktop busy with alert reads, `lanes` at a time, until `stopAt`: each read
 * goes through the provider and so through the governor, at sync priority. Errors (404s for the
 * made-up ids, 429s) are expected and counted by the simulator's log, not here.
 */
export async function busyDesktop(desktop: Desktop, lanes: number, stopAt: number): Promise<void> {
  let n = 0
  const lane = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      await desktop.connection.provider.alerts.get(`missing-${n++}`, 'id').catch(() => null)
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
}

/**
 * A client that knows nothing of rate limits (a script, an integration): it reads alerts
 * `lanes` at a time, `pauseMs` apart, and ignores every 429.
 */
export async function greedyClient(
  url: string,
  key: string,
  lanes: number,
  stopAt: number,
  pauseMs = 0,
): Promise<void> {
  const lane = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const res = await fetch(`${url}/v2/alerts/greedy`, {
        headers: { Authorization: `GenieKey ${key}` },
      })
      await res.text()
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
}

/**
 * Requests by `key` in a domain that the simulator saw after answering that key a 429 and before
 * the period it advertised had passed. Sound only for a client with one request in flight at a
 * time (anything else may have been sent before the 429 arrived); `slackMs` allows for that.
 */
export function earlyRetries(hits: readonly Hit[], key: string, slackMs = 0): number {
  const mine = hits.filter((h) => h.key === key && h.domain === 'alert')
  const throttles = mine.filter((h) => h.status === 429)
  return mine.filter((h) =>
    throttles.some((t) => h.at > t.at + slackMs && h.at < t.at + (t.periodSeconds ?? 60) * 1000),
  ).length
}
