import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import { createGatewayHandlers } from './handlers'
import { createIpcRouter, type IpcHandlers, type IpcRouter, type IpcSender } from './ipc/router'
import { redact, type KeychainStatus, type SecretStore } from './secrets'
import { createWorkspaces, type Workspaces } from './workspaces'

export interface GatewayOptions {
  secrets: SecretStore
  demoSecrets: SecretStore
  checkKeychain(): Promise<KeychainStatus>
  isTrustedSender(sender: IpcSender): boolean
  openDemo?(): Promise<WorkspaceConfig>
  /** Handlers of the host (Electron shell or browser mode): notifications, tray, app info. */
  hostHandlers?: IpcHandlers
  log?(line: string): void
}

export interface Gateway {
  router: IpcRouter
  workspaces: Workspaces
  /** Scrubs every secret in use from a line before it is logged or shown. */
  scrub(text: string): string
  dispose(): void
}

/**
 * The composition root shared by the desktop app and browser mode: the workspace registry, the
 * gateway handlers and the host's own handlers behind one router whose error text is scrubbed of
 * every key and token in use.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const workspaces = createWorkspaces({
    secrets: options.secrets,
    demoSecrets: options.demoSecrets,
  })
  const scrub = (text: string): string => redact(text, workspaces.secretValues())
  const handlers: IpcHandlers = {
    ...createGatewayHandlers({
      workspaces,
      secrets: options.secrets,
      checkKeychain: options.checkKeychain,
      ...(options.openDemo !== undefined ? { openDemo: options.openDemo } : {}),
    }),
    ...options.hostHandlers,
  }
  const router = createIpcRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    scrub,
    onHandlerError: (channel, error) => {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      options.log?.(scrub(`ipc ${channel} failed: ${text}`))
    },
  })
  return { router, workspaces, scrub, dispose: () => workspaces.disconnectAll() }
}
