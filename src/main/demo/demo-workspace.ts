import { randomBytes, randomUUID } from 'node:crypto'
import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import { startEmbeddedRelay, WEBHOOK_SECRET_HEADER, type RunningRelay } from '../../relay/embedded'
import { startSimulator, type RunningSimulator } from '../../simulator/index'
import { startJsmSimulator } from '../../simulator/jsm/index'
import type { SecretStore } from '../gateway/secrets'

export const DEMO_WORKSPACE_ID = 'demo'

export interface DemoWorkspace {
  readonly config: WorkspaceConfig
  /** Which provider the demo speaks: Opsgenie, or Jira Service Management (issue 16). */
  readonly provider: 'opsgenie' | 'jsm'
  /** Either provider's simulator (the JSM one offers the same test controls). */
  readonly simulator: RunningSimulator
  readonly relay: RunningRelay
  /** The simulator's key, so tests can act on the demo "elsewhere" through the real HTTP API. */
  readonly apiKey: string
  close(): Promise<void>
}

export interface DemoOptions {
  /** Where the demo's keychain-free key and device token go (never the real keychain). */
  secrets: SecretStore
  /** A new alert every this many ms; default 8 s. 0 turns the trickle off. */
  trickleMs?: number
  /** `jsm`: the same demo account behind the JSM simulator mode (issue 16). Default `opsgenie`. */
  provider?: 'opsgenie' | 'jsm'
}

const JSM_DEMO_EMAIL = 'demo@example.com'

/**
 * The Demo workspace: the simulator (seed `demo`, new alerts trickling in) posting its webhooks to
 * an in-process relay on loopback, both with throwaway secrets. The app then connects to it
 * through exactly the code paths of a real account: keys from a secret store, the Opsgenie client,
 * the governor, the relay's SSE stream.
 */
export async function startDemoWorkspace(options: DemoOptions): Promise<DemoWorkspace> {
  const apiKey = `demo-${randomBytes(16).toString('hex')}`
  const webhookSecret = randomBytes(24).toString('base64url')
  // Events and tokens in memory: the Demo needs no durable store, and the desktop app ships none.
  const { relay, createDeviceToken } = await startEmbeddedRelay({ webhookSecret })
  const deviceToken = createDeviceToken('demo-desktop')
  const trickleMs = options.trickleMs ?? 8000
  const webhook = {
    url: `${relay.url}/webhooks/opsgenie`,
    headers: { [WEBHOOK_SECRET_HEADER]: webhookSecret },
  }
  const demoRef = (kind: 'api-key' | 'relay-token') => ({ workspaceId: DEMO_WORKSPACE_ID, kind })
  if (options.provider === 'jsm') {
    // JSM keeps Opsgenie's webhook payloads, so the same relay route takes them.
    const jsm = await startJsmSimulator({
      accounts: [{ email: JSM_DEMO_EMAIL, apiToken: apiKey }],
      cloudId: randomUUID(),
      seed: 'demo',
      webhook,
      ...(trickleMs > 0 ? { trickleMs } : {}),
    })
    await options.secrets.set(demoRef('api-key'), apiKey, jsm.url)
    await options.secrets.set(demoRef('relay-token'), deviceToken, relay.url)
    return {
      config: {
        id: DEMO_WORKSPACE_ID,
        name: 'Demo',
        host: jsm.url,
        relayUrl: relay.url,
        demo: true,
        provider: 'jsm',
        // the simulator serves the site and the API on one origin
        jsm: { apiUrl: jsm.url, email: JSM_DEMO_EMAIL, incidentProject: 'OPS' },
      },
      provider: 'jsm',
      simulator: jsm,
      relay,
      apiKey,
      async close() {
        await jsm.close()
        await relay.close()
      },
    }
  }
  const simulator = await startSimulator({
    keys: [{ key: apiKey, kind: 'global' }],
    seed: 'demo',
    plan: { name: 'Enterprise', incidentApi: true, serviceApi: true },
    webhook,
    ...(trickleMs > 0 ? { trickleMs } : {}),
  })
  // Bound to the loopback simulator and relay, like a real workspace's secrets to its host.
  await options.secrets.set(demoRef('api-key'), apiKey, simulator.url)
  await options.secrets.set(demoRef('relay-token'), deviceToken, relay.url)
  const config: WorkspaceConfig = {
    id: DEMO_WORKSPACE_ID,
    name: 'Demo',
    host: simulator.url,
    relayUrl: relay.url,
    demo: true,
  }
  return {
    config,
    provider: 'opsgenie',
    simulator,
    relay,
    apiKey,
    async close() {
      await simulator.close()
      await relay.close()
    },
  }
}

/** Starts the demo once and hands out the same workspace to every later caller. */
export function demoLauncher(options: DemoOptions): {
  open(): Promise<WorkspaceConfig>
  /** The running demo, once `open` has finished starting it. */
  current(): DemoWorkspace | undefined
  close(): Promise<void>
} {
  let running: Promise<DemoWorkspace> | undefined
  let started: DemoWorkspace | undefined
  return {
    async open() {
      running ??= startDemoWorkspace(options).then((demo) => (started = demo))
      return (await running).config
    },
    current: () => started,
    async close() {
      if (running !== undefined) await (await running).close()
      running = undefined
      started = undefined
    },
  }
}
