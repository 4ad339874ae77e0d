import type { EventName, EventPayload } from '../../shared/ipc/contract'
import type { WorkspaceConfig } from '../../shared/ipc/schemas'
import type { IntakeTuning } from './intake'
import { createGatewayHandlers } from './handlers'
import {
  createIpcRouter,
  type HostHandlers,
  type IpcHandlers,
  type IpcRouter,
  type IpcSender,
} from './ipc/router'
import { redact, type KeychainStatus, type SecretStore } from './secrets'
import { createWorkspaces, type Workspaces } from './workspaces'

export interface GatewayOptions {
  secrets: SecretStore
  demoSecrets: SecretStore
  checkKeychain(): Promise<KeychainStatus>
  isTrustedSender(sender: IpcSender): boolean
  openDemo?(): Promise<WorkspaceConfig>
  /**
   * Handlers of the host (Electron shell or browser mode): notifications, tray, app info. Absent
   * only in tests of the gateway alone, whose router then answers `unknown-channel` for them.
   */
  hostHandlers?: HostHandlers
  log?(line: string): void
  intakeTuning?: IntakeTuning
  /** The fetch for every outbound request: Electron's `net.fetch` on the desktop; default Node's. */
  fetch?: typeof fetch
  /** Share of each account's rate limits a workspace budgets; default 1/2 (governor README). */
  accountShare?: number
}

/** Sends a contract event to the renderer; bound late because transports start after the router. */
export type EventSink = <N extends EventName>(name: N, payload: EventPayload<N>) => void

export interface Gateway {
  router: IpcRouter
  workspaces: Workspaces
  /** Scrubs every secret in use from a line before it is logged or shown. */
  scrub(text: string): string
  /** Where events go; set once the host's transport (window or WebSocket server) exists. */
  setEventSink(sink: EventSink): void
  dispose(): Promise<void>
}

/**
 * The composition root shared by the desktop app and browser mode: the workspace registry, the
 * gateway handlers and the host's own handlers behind one router whose error text is scrubbed of
 * every key and token in use.
 */
export function createGateway(options: GatewayOptions): Gateway {
  let sink: EventSink | undefined
  const workspaces = createWorkspaces({
    secrets: options.secrets,
    demoSecrets: options.demoSecrets,
    onIntakeEvent: (event) => sink?.('intake:event', event),
    onHealth: (health) => sink?.('intake:health', health),
    ...(options.intakeTuning !== undefined ? { intakeTuning: options.intakeTuning } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.accountShare !== undefined ? { accountShare: options.accountShare } : {}),
  })
  const scrub = (text: string): string => redact(text, workspaces.secretValues())
  const handlers: IpcHandlers | Omit<IpcHandlers, keyof HostHandlers> = {
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
  return {
    router,
    workspaces,
    scrub,
    setEventSink: (next) => {
      sink = next
    },
    dispose: () => workspaces.disconnectAll(),
  }
}
