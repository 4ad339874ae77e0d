import 'fake-indexeddb/auto'
import { vi } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import type { Budgets } from '../../../src/main/gateway/governor'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import { buildOndeckApi } from '../../../src/shared/ipc/api'
import type { Envelope } from '../../../src/shared/ipc/envelope'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxPort } from '../../../src/renderer/src/outbox/port'
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../src/simulator/index'

export const API_KEY = 'k-global'
const APP = { url: 'app://ondeck' }

export interface Rig {
  sim: RunningSimulator
  gateway: Gateway
  port: OutboxPort
  workspaceId: string
  /** Every channel the port was called on, in order. */
  calls: string[]
  close(): Promise<void>
}

/**
 * The outbox's real surroundings: a simulator on 127.0.0.1, a real gateway (memory secret
 * stores, real governor and Opsgenie client) and the typed IPC API over the gateway's router,
 * which is exactly the port the renderer gets in the app.
 */
export async function startRig(
  options: Partial<SimulatorOptions> = {},
  budgets?: Budgets,
): Promise<Rig> {
  const sim = await startSimulator({
    keys: [{ key: API_KEY, kind: 'global' }],
    seed: 'empty',
    ...options,
  })
  return connectRig(sim, budgets)
}

/** A real gateway connected to `sim`, and the outbox port over its router. */
export async function connectRig(sim: RunningSimulator, budgets?: Budgets): Promise<Rig> {
  const secrets = createMemorySecretStore()
  const gateway = createGateway({
    secrets,
    demoSecrets: createMemorySecretStore(),
    checkKeychain: async () => ({ available: true }),
    isTrustedSender: (s) => s.url === APP.url,
  })
  const workspaceId = `ws-${randomUUID().slice(0, 8)}`
  await secrets.set({ workspaceId, kind: 'api-key' }, API_KEY, sim.url)
  const connected = await gateway.router.dispatch(
    'workspace:connect',
    { workspace: { id: workspaceId, name: 'Test', host: sim.url } },
    APP,
  )
  if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`)
  if (budgets !== undefined) gateway.workspaces.get(workspaceId).governor.setBudgets(budgets)
  const calls: string[] = []
  const api = buildOndeckApi({
    invoke: (channel, input): Promise<Envelope<unknown>> => {
      calls.push(channel)
      return gateway.router.dispatch(channel, input, APP)
    },
    subscribe: () => () => undefined,
  })
  return {
    sim,
    gateway,
    port: api,
    workspaceId,
    calls,
    close: async () => {
      gateway.dispose()
      await sim.close()
    },
  }
}

export async function freshDb(): Promise<OutboxDb> {
  return new OutboxDb(`outbox-test-${randomUUID()}`).openOrExplain()
}

/**
 * Waits (vi.waitFor) until `check` holds or `timeoutMs` passes; the failure names `what`. Kept
 * as a named wrapper because the outbox tests wait on plain conditions (row states, simulator
 * counts) rather than on assertions.
 */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  intervalMs = 10,
): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`timed out waiting for ${what}`)
    },
    { timeout: timeoutMs, interval: intervalMs },
  )
}

/** A small seeded PRNG (mulberry32) for repeatable jitter and ids. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
