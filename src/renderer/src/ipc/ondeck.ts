import { buildOndeckApi, type OndeckApi } from '../../../shared/ipc/api'
import { withCheckedEvents } from './checked-events'
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
 * socket without it. Either way every event is checked against the contract before the page sees
 * it (`withCheckedEvents`).
 */
export function ondeck(session?: string): OndeckApi {
  if (window.ondeck !== undefined) {
    api ??= withCheckedEvents(window.ondeck)
    return api
  }
  api ??= withCheckedEvents(
    buildOndeckApi(
      createWebSocketTransport(
        `ws://${window.location.host}/ipc`,
        1000,
        session === undefined ? undefined : () => sessionProtocols(session),
      ),
    ),
  )
  return api
}
