import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import type { IpcHandlers } from './ipc/router'
import type { KeychainStatus, SecretStore } from './secrets'
import type { Workspaces } from './workspaces'

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
 * keychain and never come back out: only whether one is set.
 */
export function createGatewayHandlers(deps: GatewayHandlerDeps): IpcHandlers {
  const { workspaces, secrets } = deps
  const provider = (workspaceId: string) => workspaces.get(workspaceId).provider
  return {
    'workspace:connect': async ({ workspace }) => {
      const connection = await workspaces.connect(workspace)
      return connection.provider.capabilities()
    },
    'workspace:disconnect': async ({ workspaceId }) => {
      workspaces.disconnect(workspaceId)
      return {}
    },
    'workspace:setSecret': async ({ workspaceId, kind, value }) => {
      await secrets.set({ workspaceId, kind }, value)
      return {}
    },
    'workspace:deleteSecrets': async ({ workspaceId }) => {
      workspaces.disconnect(workspaceId)
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

    'alerts:acknowledge': ({ workspaceId, ...i }) => provider(workspaceId).alerts.acknowledge(i),
    'alerts:unacknowledge': ({ workspaceId, ...i }) =>
      provider(workspaceId).alerts.unacknowledge(i),
    'alerts:close': ({ workspaceId, ...i }) => provider(workspaceId).alerts.close(i),
    'alerts:addNote': ({ workspaceId, ...i }) => provider(workspaceId).alerts.addNote(i),
    'alerts:assign': ({ workspaceId, ...i }) => provider(workspaceId).alerts.assign(i),
    'alerts:addResponder': ({ workspaceId, ...i }) => provider(workspaceId).alerts.addResponder(i),
    'alerts:escalate': ({ workspaceId, ...i }) => provider(workspaceId).alerts.escalate(i),
    'alerts:snooze': ({ workspaceId, ...i }) => provider(workspaceId).alerts.snooze(i),
    'alerts:setPriority': ({ workspaceId, ...i }) => provider(workspaceId).alerts.setPriority(i),
    'alerts:create': ({ workspaceId, ...i }) => provider(workspaceId).alerts.create(i),
    'alerts:get': ({ workspaceId, alertId, by }) => provider(workspaceId).alerts.get(alertId, by),
    'alerts:list': ({ workspaceId, query, cursor }) =>
      provider(workspaceId).alerts.list(query, cursor, 'user'),

    'incidents:create': ({ workspaceId, ...i }) => provider(workspaceId).incidents.create(i),
    'incidents:resolve': ({ workspaceId, ...i }) => provider(workspaceId).incidents.resolve(i),
    'incidents:close': ({ workspaceId, ...i }) => provider(workspaceId).incidents.close(i),
    'incidents:reopen': ({ workspaceId, ...i }) => provider(workspaceId).incidents.reopen(i),
    'incidents:addNote': ({ workspaceId, ...i }) => provider(workspaceId).incidents.addNote(i),
    'incidents:addResponders': ({ workspaceId, ...i }) =>
      provider(workspaceId).incidents.addResponders(i),
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

    'governor:state': async ({ workspaceId }) =>
      workspaces.get(workspaceId).governor.state() as unknown as Record<string, unknown>,
  }
}
