import 'fake-indexeddb/auto'
import { vi } from 'vitest'
import { randomBytes, randomUUID } from 'node:crypto'
import { startEmbeddedRelay, WEBHOOK_SECRET_HEADER } from '../../../src/relay/embedded'
import { pollUntil } from '../../support/poll-until'
import type { RunningRelay } from '../../../src/relay/embedded'
import type { IntakeEvent } from '../../../src/shared/ipc/schemas'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { createIngest } from '../../../src/renderer/src/sync'
import {
  intakeObservation,
  observedRows,
  type Observation,
} from '../../../src/renderer/src/outbox/observe'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import type { Budgets } from '../../../src/main/gateway/governor'
import type { IntakeTuning } from '../../../src/main/gateway/intake/intake'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import { buildOndeckApi, type OndeckApi } from '../../../src/shared/ipc/api'
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
  /** The whole typed IPC API over the router, with the gateway's events. */
  api: OndeckApi
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

export interface TestRelay {
  readonly relay: RunningRelay
  /** The simulator's webhook option: its events go to this relay. */
  readonly webhook: { url: string; headers: Record<string, string> }
  /** What a workspace streams the relay with (`connectRig`'s `via.relay`). */
  readonly device: { url: string; token: string }
}

/** An in-process relay (as the Demo workspace runs one) with a webhook secret and a device token. */
export async function startTestRelay(): Promise<TestRelay> {
  const webhookSecret = randomBytes(24).toString('base64url')
  const { relay, createDeviceToken } = await startEmbeddedRelay({ webhookSecret })
  return {
    relay,
    webhook: {
      url: `${relay.url}/webhooks/opsgenie`,
      headers: { [WEBHOOK_SECRET_HEADER]: webhookSecret },
    },
    device: { url: relay.url, token: createDeviceToken('outbox-test') },
  }
}

export interface LiveIntake {
  /** The intake events main sent, in order (the relay's stream, decoded by the provider). */
  readonly events: IntakeEvent[]
  /** The app's cache, as the app's ingest left it. */
  readonly cache: CacheDb
  /** Where observations go: as in the app, the cache's changed rows and each event's notes. */
  watch(observer: (seen: Observation) => void): void
  /** From now on events are not applied: as if the relay had never delivered them. */
  dropWebhooks(): void
  /** Resolves once every event received so far is in the cache. */
  applied(): Promise<void>
  close(): Promise<void>
}

/**
 * A rig connected with a relay streams live: `intake:start`, then every event the gateway sends
 * is applied to a real cache by the app's ingest, and each batch's changed rows and each event's
 * own observation go to `watch`'s observer, as the workspace screen feeds the outbox engine.
 */
export async function startLiveIntake(rig: Rig): Promise<LiveIntake> {
  const cache = await new CacheDb(`observed-${randomUUID()}`).openOrExplain()
  const ingest = createIngest(cache)
  const events: IntakeEvent[] = []
  let observer: ((seen: Observation) => void) | undefined
  let dropping = false
  let applying = Promise.resolve()
  const off = rig.api.intake.onEvent((event) => {
    if (dropping || event.workspaceId !== rig.workspaceId) return
    events.push(event)
    applying = applying.then(async () => {
      const result = await ingest.applyBatch([event])
      observer?.(observedRows(result.changes, result.incidents))
      const seen = intakeObservation(event.payload)
      if (seen !== undefined) observer?.(seen)
    })
  })
  const started = await rig.api.intake.start({ workspaceId: rig.workspaceId })
  if (!started.ok) throw new Error(`intake:start failed: ${started.error.message}`)
  // a plain poll: the benchmarks run this outside vitest
  await pollUntil(
    'the relay stream is live',
    async () => {
      const health = await rig.api.intake.health({ workspaceId: rig.workspaceId })
      return health.ok && health.value.state === 'live'
    },
    20_000,
  )
  return {
    events,
    cache,
    watch: (next) => {
      observer = next
    },
    dropWebhooks: () => {
      dropping = true
    },
    applied: () => applying,
    close: async () => {
      off()
      await applying
      cache.close()
    },
  }
}

export type RelayedRig = Rig & LiveIntake & { readonly relay: RunningRelay }

/**
 * The rig with the app's live intake: the simulator posts its webhooks to an in-process relay,
 * the gateway streams them and a real cache applies them (`startLiveIntake`).
 */
export async function startRelayedRig(
  options: Partial<SimulatorOptions> = {},
  budgets?: Budgets,
): Promise<RelayedRig> {
  const relay = await startTestRelay()
  const sim = await startSimulator({
    keys: [{ key: API_KEY, kind: 'global' }],
    seed: 'empty',
    webhook: relay.webhook,
    ...options,
  })
  const rig = await connectRig(sim, budgets, { relay: relay.device })
  const intake = await startLiveIntake(rig)
  return {
    ...rig,
    ...intake,
    relay: relay.relay,
    close: async () => {
      await intake.close()
      await rig.close()
      await relay.relay.close()
    },
  }
}

/** A real gateway connected to `sim`, and the outbox port over its router. */
export async function connectRig(
  sim: RunningSimulator,
  budgets?: Budgets,
  via: {
    relay?: { url: string; token: string }
    /** Where the gateway reaches the simulator (a network-cut proxy); `sim.url` by default. */
    host?: string
    intakeTuning?: IntakeTuning
  } = {},
): Promise<Rig> {
  const { relay } = via
  const host = via.host ?? sim.url
  const secrets = createMemorySecretStore()
  const gateway = createGateway({
    secrets,
    demoSecrets: createMemorySecretStore(),
    checkKeychain: async () => ({ available: true }),
    isTrustedSender: (s) => s.url === APP.url,
    ...(via.intakeTuning !== undefined ? { intakeTuning: via.intakeTuning } : {}),
  })
  const workspaceId = `ws-${randomUUID().slice(0, 8)}`
  await secrets.set({ workspaceId, kind: 'api-key' }, API_KEY, host)
  if (relay !== undefined)
    await secrets.set({ workspaceId, kind: 'relay-token' }, relay.token, relay.url)
  const workspace = {
    id: workspaceId,
    name: 'Test',
    host,
    ...(relay !== undefined ? { relayUrl: relay.url } : {}),
  }
  const connected = await gateway.router.dispatch('workspace:connect', { workspace }, APP)
  if (!connected.ok) throw new Error(`connect failed: ${connected.error.message}`)
  if (budgets !== undefined) gateway.workspaces.get(workspaceId).governor.setBudgets(budgets)
  const calls: string[] = []
  // events as the preload delivers them: every listener of the event's name
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  gateway.setEventSink((name, payload) => {
    for (const listener of listeners.get(name) ?? []) listener(payload)
  })
  const api = buildOndeckApi({
    invoke: (channel, input): Promise<Envelope<unknown>> => {
      calls.push(channel)
      return gateway.router.dispatch(channel, input, APP)
    },
    subscribe: (name, listener) => {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  })
  return {
    sim,
    gateway,
    api,
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
