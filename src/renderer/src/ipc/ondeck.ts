import { buildOndeckApi, type OndeckApi } from '../../../shared/ipc/api'
import { sessionProtocols } from './launch-credential'
import { createWebSocketTransport } from './ws-transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly ondeck?: OndeckApi
  }
}

let api: OndeckApi | undefined

/**
 * The API to main: the preload's in the desktop app, the WebSocket one in browser mode, where the
 * first call passes this tab's session secret (see launch-credential.ts): the server refuses the
 * socket without it.
 */
export function ondeck(session?: string): OndeckApi {
  if (window.ondeck !== undefined) return window.ondeck
  api ??= buildOndeckApi(
    createWebSocketTransport(
      `ws://${window.location.host}/ipc`,
      1000,
      session === undefined ? undefined : () => sessionProtocols(session),
    ),
  )
  return api
}
