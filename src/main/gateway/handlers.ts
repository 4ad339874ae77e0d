import { COMMAND_KINDS, type CommandKind } from '../../shared/commands/catalogue'
import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import type { ActionOutcome } from '../../shared/provider/outcome'
import type { RequestPriority } from './governor'
import { relayBaseUrl } from './intake/relay-client'
import type { GatewayHandlers, IpcHandler } from './ipc/router'
import type { Provider } from './provider/provider'
import type { KeychainStatus, SecretStore } from './secrets'
import { apiKeyEndpoint, type Workspaces } from './workspaces'

export interface GatewayHandlerDeps {
  workspaces: Workspaces
  secrets: SecretStore
  checkKeychain(): Promise<KeychainStatus>
  /** Starts the Demo workspace (simulator + relay) and answers its config; absent in production builds without it. */
  openDemo?(): Promise<WorkspaceConfig>
}

/**
 * The gateway's IPC handlers: workspace setup, provider actions, directory reads, request
 * status and governor state. Inputs arrive already parsed by the router. Secrets go into the
 * keychain and never come back out: only whether one is set. Each is stored together with the
 * one place it may be sent (the Opsgenie host for the key, the relay for the token); a later
 * `workspace:connect` cannot point it anywhere else.
 */
export function createGatewayHandlers(deps: GatewayHandlerDeps): GatewayHandlers {
  const { workspaces, secrets } = deps
  const provider = (workspaceId: string): Provider => workspaces.get(workspaceId).provider
  return {
    ...commandHandlers(provider),
    'workspace:connect': async ({ workspace }) => {
      const connection = await workspaces.connect(workspace)
      return connection.provider.capabilities()
    },
    'workspace:disconnect': async ({ workspaceId }) => {
      await workspaces.disconnect(workspaceId)
      return {}
    },
    'workspace:setSecret': async (input) => {
      const endpoint =
        input.kind === 'api-key' ? apiKeyEndpoint(input.host) : relayBaseUrl(input.relayUrl)
      await secrets.set({ workspaceId: input.workspaceId, kind: input.kind }, input.value, endpoint)
      return {}
    },
    'workspace:deleteSecrets': async ({ workspaceId }) => {
      await workspaces.disconnect(workspaceId)
      await secrets.delete({ workspaceId, kind: 'api-key' })
      await secrets.delete({ workspaceId, kind: 'relay-token' })
      return {}
    },
    'workspace:secretStatus': async ({ workspaceId }) => {
      const keychain = await deps.checkKeychain()
      if (!keychain.available) {
        return {
          apiKey: false,
          relayToken: false,
          keychain: { available: false, reason: keychain.reason },
        }
      }
      return {
        apiKey: await secrets.has({ workspaceId, kind: 'api-key' }),
        relayToken: await secrets.has({ workspaceId, kind: 'relay-token' }),
        keychain: { available: true },
      }
    },
    ...(deps.openDemo !== undefined ? { 'workspace:openDemo': deps.openDemo } : {}),

    'alerts:get': ({ workspaceId, alertId, by }) => provider(workspaceId).alerts.get(alertId, by),
    'alerts:notes': ({ workspaceId, alertId, by }) =>
      provider(workspaceId).alerts.notes(alertId, by),
    'alerts:list': ({ workspaceId, query, cursor }) =>
      provider(workspaceId).alerts.list(query, cursor, 'user'),

    'incidents:notes': ({ workspaceId, incidentId }) =>
      provider(workspaceId).incidents.notes(incidentId),
    'incidents:get': ({ workspaceId, incidentId }) =>
      provider(workspaceId).incidents.get(incidentId),
    'incidents:list': ({ workspaceId, query, cursor }) =>
      provider(workspaceId).incidents.list(query, cursor),

    'requests:status': ({ workspaceId, domain, requestId }) =>
      provider(workspaceId).requestStatus(domain, requestId),

    'directory:services': ({ workspaceId, cursor }) =>
      provider(workspaceId).directory.services(cursor),
    'directory:teams': ({ workspaceId }) => provider(workspaceId).directory.teams(),
    'directory:users': ({ workspaceId, cursor }) => provider(workspaceId).directory.users(cursor),
    'directory:schedules': ({ workspaceId }) => provider(workspaceId).directory.schedules(),
    'directory:onCalls': ({ workspaceId, scheduleId, at }) =>
      provider(workspaceId).directory.onCalls(scheduleId, at),
    'directory:escalations': ({ workspaceId }) => provider(workspaceId).directory.escalations(),

    'intake:start': ({ workspaceId, cursor }) => workspaces.get(workspaceId).intake.start(cursor),
    'intake:health': async ({ workspaceId }) => workspaces.get(workspaceId).intake.health(),

    'governor:state': async ({ workspaceId }) =>
      workspaces.get(workspaceId).governor.state() as unknown as Record<string, unknown>,
  }
}

type CommandHandlers = { [K in CommandKind]: IpcHandler<K> }
type ProviderCall = (input: object, priority?: RequestPriority) => Promise<ActionOutcome>

/**
 * One forwarding handler per catalogue command: `alerts:x` calls the workspace's
 * `provider.alerts.x` with the input minus the workspace, at the caller's priority. The provider's
 * type demands a method for every command (`ProviderActions`), so the lookup always finds one.
 */
function commandHandlers(provider: (workspaceId: string) => Provider): CommandHandlers {
  const handlers: Partial<Record<CommandKind, IpcHandler<CommandKind>>> = {}
  for (const kind of COMMAND_KINDS) {
    const [domain, verb] = kind.split(':') as ['alerts' | 'incidents', string]
    handlers[kind] = ({ workspaceId, requestPriority, ...input }) => {
      const actions = provider(workspaceId)[domain] as unknown as Record<string, ProviderCall>
      const call = actions[verb]
      if (call === undefined) throw new Error(`the provider has no ${kind}`)
      return call(input, requestPriority)
    }
  }
  // one handler per kind, set by the loop above
  return handlers as CommandHandlers
}
