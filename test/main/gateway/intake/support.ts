import { vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGovernor, type Governor } from '../../../../src/main/gateway/governor'
import {
  createOpsgenieClient,
  type OpsgenieClient,
} from '../../../../src/main/gateway/provider/opsgenie'
import { createOpsgenieProvider } from '../../../../src/main/gateway/provider/opsgenie/adapter'
import type { Provider } from '../../../../src/main/gateway/provider/provider'
import {
  openTokenStore,
  startRelay,
  WEBHOOK_SECRET_HEADER,
  type RelayOptions,
  type RunningRelay,
} from '../../../../src/relay/index'
import { startSimulator, type RunningSimulator } from '../../../../src/simulator/index'

export const API_KEY = 'intake-global-key-0001'
const SECRET = 'intake-webhook-secret-0123456789'
export const DEVICE = 'laptop'

/**
 * `vi.waitFor` for a value: resolves with the first one `check` answers (not undefined or false),
 * and a timeout names what was awaited. The only waiting the intake tests do.
 */
export function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check()
      if (value === undefined || value === false) throw new Error(`still waiting for ${what}`)
      return value
    },
    { timeout: timeoutMs, interval: 10 },
  )
}

/** The workspace's provider as the composition root builds it: intake reads only through it. */
export function providerFor(client: OpsgenieClient, governor: Governor): Provider {
  return createOpsgenieProvider({ client, governor })
}

/** Roomy budgets: these tests are about intake, not about throttling. */
export function roomyGovernor(): Governor {
  const roomy = { perMinute: 60_000, perSecond: 1_000 }
  return createGovernor({ budgets: { search: roomy, incident: roomy, alert: roomy } })
}

export interface Stack {
  readonly sim: RunningSimulator
  readonly client: OpsgenieClient
  readonly dataDir: string
  readonly token: string
  relay: RunningRelay
  /** Close + start on the same data folder and port, as a deploy or a crash-restart would. */
  restartRelay(): Promise<void>
  revokeToken(): void
  /** Highest event id the relay has stored. */
  latestEventId(): Promise<number>
  createAlert(message: string): Promise<string>
  /** Waits until the simulator has processed the request and, unless told not to, delivered its webhooks. */
  settle(requestId: Promise<{ requestId: string }>, flush?: boolean): Promise<void>
  close(): Promise<void>
}

export interface StackOptions {
  /** false: the simulator sends no webhooks at all (every change is "lost"). */
  readonly webhooks?: boolean
  readonly relay?: Partial<RelayOptions>
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ondeck-intake-'))
  const tokens = openTokenStore(dataDir)
  const token = tokens.create(DEVICE)
  tokens.close()
  const relayOptions = { dataDir, webhookSecret: SECRET, heartbeatMs: 100, ...options.relay }
  let relay = await startRelay(relayOptions)
  const webhook =
    options.webhooks === false
      ? undefined
      : { url: `${relay.url}/webhooks/opsgenie`, headers: { [WEBHOOK_SECRET_HEADER]: SECRET } }
  const sim = await startSimulator({ keys: [{ key: API_KEY, kind: 'global' }], webhook })
  const client = createOpsgenieClient({ host: sim.url, apiKey: API_KEY })
  const settle = async (accepted: Promise<{ requestId: string }>, flush = true): Promise<void> => {
    const { requestId } = await accepted
    await client.alerts.waitForRequest(requestId, { timeoutMs: 5_000, intervalMs: 10 })
    if (flush) await sim.flushWebhooks()
  }
  const stack: Stack = {
    sim,
    client,
    dataDir,
    token,
    relay,
    async restartRelay() {
      await stack.relay.close()
      relay = await startRelay({ ...relayOptions, port: stack.relay.port })
      stack.relay = relay
    },
    revokeToken() {
      const store = openTokenStore(dataDir)
      store.revoke(DEVICE)
      store.close()
    },
    async latestEventId() {
      const res = await fetch(`${stack.relay.url}/healthz`)
      return ((await res.json()) as { latestEventId: number }).latestEventId
    },
    async createAlert(message) {
      const { requestId } = await client.alerts.create({ message, alias: message })
      const done = await client.alerts.waitForRequest(requestId, {
        timeoutMs: 5_000,
        intervalMs: 10,
      })
      await sim.flushWebhooks()
      if (done.alertId === undefined) throw new Error(`simulator did not create ${message}`)
      return done.alertId
    },
    settle,
    async close() {
      await sim.close()
      await stack.relay.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return stack
}

/** A fetch whose new connections wait while the gate is shut; records each request's headers. */
export function gatedFetch(): {
  fetch: typeof fetch
  shut(): void
  open(): void
  waiting(): number
  requests: Headers[]
} {
  let shut = false
  const waiters: (() => void)[] = []
  const requests: Headers[] = []
  return {
    requests,
    shut: () => void (shut = true),
    open: () => {
      shut = false
      for (const resolve of waiters.splice(0)) resolve()
    },
    waiting: () => waiters.length,
    fetch: async (input, init) => {
      while (shut) await new Promise<void>((resolve) => waiters.push(resolve))
      requests.push(new Headers(init?.headers))
      return fetch(input, init)
    },
  }
}

/** The ids 1..n: what a client that missed nothing and repeated nothing has seen. */
export const oneTo = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1))
