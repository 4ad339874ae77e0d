import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import { relayBaseUrl } from './intake/relay-client'
import type { IpcHandlers } from './ipc/router'
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
export function createGatewayHandlers(deps: GatewayHandlerDeps): IpcHandlers {
  const { workspaces, secrets } = deps
  const provider = (workspaceId: string) => workspaces.get(workspaceId).provider
  return {
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

    'alerts:acknowledge': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.acknowledge(i, requestPriority),
    'alerts:unacknowledge': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.unacknowledge(i, requestPriority),
    'alerts:close': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.close(i, requestPriority),
    'alerts:addNote': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.addNote(i, requestPriority),
    'alerts:assign': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.assign(i, requestPriority),
    'alerts:addResponder': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.addResponder(i, requestPriority),
    'alerts:escalate': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.escalate(i, requestPriority),
    'alerts:snooze': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.snooze(i, requestPriority),
    'alerts:setPriority': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.setPriority(i, requestPriority),
    'alerts:create': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).alerts.create(i, requestPriority),
    'alerts:get': ({ workspaceId, alertId, by }) => provider(workspaceId).alerts.get(alertId, by),
    'alerts:notes': ({ workspaceId, alertId, by }) =>
      provider(workspaceId).alerts.notes(alertId, by),
    'alerts:list': ({ workspaceId, query, cursor }) =>
      provider(workspaceId).alerts.list(query, cursor, 'user'),

    'incidents:create': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.create(i, requestPriority),
    'incidents:resolve': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.resolve(i, requestPriority),
    'incidents:close': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.close(i, requestPriority),
    'incidents:reopen': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.reopen(i, requestPriority),
    'incidents:addNote': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.addNote(i, requestPriority),
    'incidents:addResponders': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.addResponders(i, requestPriority),
    'incidents:setPriority': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.setPriority(i, requestPriority),
    'incidents:updateDescription': ({ workspaceId, requestPriority, ...i }) =>
      provider(workspaceId).incidents.updateDescription(i, requestPriority),
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
