import type { ConnectionHealth, IntakeEvent, WorkspaceConfig } from '../../shared/ipc/schemas'
import {
  checkAccountShare,
  createGovernor,
  learnAccountLimits,
  type Governor,
  type LearnedLimits,
} from './governor'
import { createIntake, type Intake, type IntakeOptions, type IntakeTuning } from './intake'
import { relayBaseUrl } from './intake/relay-client'
import { createOpsgenieClient, resolveHost, type OpsgenieClient } from './provider/opsgenie'
import { createOpsgenieProvider } from './provider/opsgenie/adapter'
import { decodeRelayFrame } from './provider/opsgenie/events'
import { connectJsm, type JsmClient } from './provider/jsm'
import type { Provider } from './provider/provider'
import type { BoundSecret, SecretStore } from './secrets'

/**
 * The API endpoint an API key for `host` (`us`, `eu` or a base URL) is bound to in the keychain:
 * the provider's host rule, exported from the composition root so the handlers need not import
 * the provider's folder.
 */
export const apiKeyEndpoint = (host: string): string => resolveHost(host)

/** One connected workspace: its client, governor and provider. Connection state, not domain state. */
export interface Connection {
  readonly config: WorkspaceConfig
  /** The provider's own client (Opsgenie's, or JSM's for `provider: 'jsm'`), for tests and tools. */
  readonly client: OpsgenieClient | JsmClient
  readonly governor: Governor
  /** The account's limits, read on connect and set as the governor's budgets (never rejects). */
  readonly limits: Promise<LearnedLimits>
  readonly provider: Provider
  /** Live events for this workspace: relay SSE when configured, else the poller. */
  readonly intake: Intake
  /** The secrets this connection holds in memory, for scrubbing error text. */
  readonly secrets: readonly string[]
}

export interface Workspaces {
  connect(config: WorkspaceConfig): Promise<Connection>
  get(workspaceId: string): Connection
  disconnect(workspaceId: string): Promise<void>
  /** After sleep: every connected workspace reconnects and reconciles. */
  resumeAll(): void
  /** Every secret value in use, so errors and logs can be scrubbed of them. */
  secretValues(): string[]
  disconnectAll(): Promise<void>
}

export interface WorkspacesOptions {
  /** The keychain for real workspaces. */
  secrets: SecretStore
  /** The keychain-free store for the Demo workspace only. */
  demoSecrets: SecretStore
  timeoutMs?: number
  /** Where intake events and health go: the renderer, through the host's event transport. */
  onIntakeEvent(event: IntakeEvent): void
  onHealth(health: ConnectionHealth): void
  intakeTuning?: IntakeTuning
  /** The fetch for Opsgenie and the relay stream (Electron's `net.fetch` on the desktop). */
  fetch?: typeof fetch
  /** Share of the account's rate limits this desktop budgets (default 1/2; governor README). */
  accountShare?: number
  /** How long connect waits for the account's limits before going on with the defaults. */
  limitsWaitMs?: number
}

/** One GET; past this a slow link should not hold the window, and the answer still applies. */
const LIMITS_WAIT_MS = 3000

export function createWorkspaces(options: WorkspacesOptions): Workspaces {
  const connections = new Map<string, Connection>()
  if (options.accountShare !== undefined) checkAccountShare(options.accountShare)

  async function disconnect(workspaceId: string): Promise<void> {
    const connection = connections.get(workspaceId)
    if (connection === undefined) return
    connections.delete(workspaceId)
    await connection.intake.stop()
    connection.governor.dispose()
  }

  return {
    async connect(config) {
      const store = config.demo ? options.demoSecrets : options.secrets
      const host = resolveHost(config.host)
      const key = await store.get({ workspaceId: config.id, kind: 'api-key' })
      if (key === null) {
        throw new Error(`workspace ${config.name} has no API key stored; add one in Settings`)
      }
      assertBoundTo(key, host, config.name, 'API key')
      const token = await store.get({ workspaceId: config.id, kind: 'relay-token' })
      const relayUrl = config.relayUrl !== undefined ? relayBaseUrl(config.relayUrl) : undefined
      if (relayUrl !== undefined && token !== null)
        assertBoundTo(token, relayUrl, config.name, 'relay token')
      await disconnect(config.id)
      const governor = createGovernor()
      // the workspace's intake over whichever provider connects: its relay stream if it has one
      const relay =
        relayUrl !== undefined && token !== null
          ? { url: relayUrl, token: token.reveal() }
          : undefined
      const startIntake = (provider: IntakeOptions['provider']): Intake =>
        createIntake({
          workspaceId: config.id,
          ...(relay !== undefined ? { relay } : {}),
          provider,
          emit: options.onIntakeEvent,
          onHealth: options.onHealth,
          ...(options.intakeTuning !== undefined || options.fetch !== undefined
            ? {
                tuning: {
                  ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
                  ...options.intakeTuning,
                },
              }
            : {}),
        })
      // bound once the intake exists; an answer from the provider is a sign of life for its stream
      let answered = (): void => undefined
      if (config.provider === 'jsm') {
        // JSM states no per-account budgets to read: the governor keeps its defaults and follows
        // Retry-After and X-RateLimit-* (provider/jsm/README.md).
        const { client, provider } = await connectJsm({
          config,
          siteUrl: host,
          apiToken: key.reveal(),
          governor,
          decodePush: decodeRelayFrame,
          onAnswer: () => answered(),
          ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        }).catch((error: unknown) => {
          governor.dispose()
          throw error
        })
        const intake = startIntake(provider)
        answered = () => intake.signOfLife()
        const limits = Promise.resolve<LearnedLimits>({
          source: 'defaults',
          reason:
            'JSM publishes no per-site budgets; Retry-After and X-RateLimit-* steer the governor',
        })
        const secrets = [key.reveal(), ...(token !== null ? [token.reveal()] : [])]
        const connection = { config, client, governor, limits, provider, intake, secrets }
        connections.set(config.id, connection)
        return connection
      }
      const client = createOpsgenieClient({
        host,
        apiKey: key.reveal(),
        // every answer's 429 and rate-limit state reaches the governor, admitted by it or not
        onResponse: (meta) => {
          governor.observe(meta)
          answered()
        },
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      })
      const provider = createOpsgenieProvider({ client, governor })
      const secrets = [key.reveal(), ...(token !== null ? [token.reveal()] : [])]
      const intake = startIntake(provider)
      answered = () => intake.signOfLife()
      const limits = learnAccountLimits({
        governor,
        share: options.accountShare,
        // a 429 here reaches the governor through the response hook; nothing to classify
        read: async () => ({
          data: await governor.run(
            'configuration',
            'user',
            client.config.getRequestLimits,
            noVerdict,
          ),
        }),
      })
      const connection = { config, client, governor, limits, provider, intake, secrets }
      connections.set(config.id, connection)
      await settledWithin(limits, options.limitsWaitMs ?? LIMITS_WAIT_MS)
      return connection
    },
    get(workspaceId) {
      const connection = connections.get(workspaceId)
      if (connection === undefined) throw new Error(`workspace ${workspaceId} is not connected`)
      return connection
    },
    disconnect,
    resumeAll() {
      for (const connection of connections.values()) connection.intake.resume()
    },
    secretValues: () => [...connections.values()].flatMap((c) => c.secrets),
    async disconnectAll() {
      await Promise.all([...connections.keys()].map(disconnect))
    },
  }
}

/**
 * A secret goes only where it was stored for. The host and relay URL in a connect call are only
 * the caller's expectation: a caller (a compromised renderer, a browser tab) that names its own
 * server gets a refusal, never the key. Moving a workspace means entering its key again.
 */
function assertBoundTo(
  secret: BoundSecret,
  asked: string,
  workspace: string,
  what: 'API key' | 'relay token',
): void {
  const place = what === 'API key' ? 'host' : 'relay URL'
  // Names the renderer's button for it (views/settings/ReenterSecretForm.tsx opens on it).
  const where = `(Settings, Workspaces: “Re-enter ${what}”)`
  if (secret.endpoint === null) {
    throw new Error(
      `workspace ${workspace}'s ${what} was stored by an earlier version of Ondeck without its ` +
        `${place}; enter the ${what} again ${where}`,
    )
  }
  if (secret.endpoint !== asked) {
    throw new Error(
      `workspace ${workspace}'s ${what} is stored for ${secret.endpoint}, not ${asked}; to use ` +
        `another ${place}, enter the ${what} again with it ${where}`,
    )
  }
}

const noVerdict = (): Record<string, never> => ({})

/** Waits for `work` at most `ms`; it goes on in the background after that. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    void work.finally(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
