import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import { createGovernor, type Governor } from './governor'
import { createOpsgenieClient, type OpsgenieClient } from './opsgenie'
import { createOpsgenieProvider } from './provider/opsgenie/adapter'
import type { Provider } from './provider/provider'
import type { SecretStore } from './secrets'

/** One connected workspace: its client, governor and provider. Connection state, not domain state. */
export interface Connection {
  readonly config: WorkspaceConfig
  readonly client: OpsgenieClient
  readonly governor: Governor
  readonly provider: Provider
  /** The secrets this connection holds in memory, for scrubbing error text. */
  readonly secrets: readonly string[]
}

export interface Workspaces {
  connect(config: WorkspaceConfig): Promise<Connection>
  get(workspaceId: string): Connection
  disconnect(workspaceId: string): void
  /** Every secret value in use, so errors and logs can be scrubbed of them. */
  secretValues(): string[]
  disconnectAll(): void
}

export interface WorkspacesOptions {
  /** The keychain for real workspaces. */
  secrets: SecretStore
  /** The keychain-free store for the Demo workspace only. */
  demoSecrets: SecretStore
  timeoutMs?: number
}

export function createWorkspaces(options: WorkspacesOptions): Workspaces {
  const connections = new Map<string, Connection>()

  function disconnect(workspaceId: string): void {
    connections.get(workspaceId)?.governor.dispose()
    connections.delete(workspaceId)
  }

  return {
    async connect(config) {
      const store = config.demo ? options.demoSecrets : options.secrets
      const key = await store.get({ workspaceId: config.id, kind: 'api-key' })
      if (key === null) {
        throw new Error(`workspace ${config.name} has no API key stored; add one in Settings`)
      }
      const token = await store.get({ workspaceId: config.id, kind: 'relay-token' })
      disconnect(config.id)
      const client = createOpsgenieClient({
        host: config.host,
        apiKey: key.reveal(),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      })
      const governor = createGovernor()
      const provider = createOpsgenieProvider({ client, governor })
      const secrets = [key.reveal(), ...(token !== null ? [token.reveal()] : [])]
      const connection = { config, client, governor, provider, secrets }
      connections.set(config.id, connection)
      return connection
    },
    get(workspaceId) {
      const connection = connections.get(workspaceId)
      if (connection === undefined) throw new Error(`workspace ${workspaceId} is not connected`)
      return connection
    },
    disconnect,
    secretValues: () => [...connections.values()].flatMap((c) => c.secrets),
    disconnectAll() {
      for (const id of [...connections.keys()]) disconnect(id)
    },
  }
}
