import { buildOndeckApi, type OndeckApi } from '../../../shared/ipc/api'
import { createWebSocketTransport } from './ws-transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly ondeck?: OndeckApi
  }
}

let api: OndeckApi | undefined

/** The API to main: the preload's in the desktop app, the WebSocket one in browser mode. */
export function ondeck(): OndeckApi {
  if (window.ondeck !== undefined) return window.ondeck
  api ??= buildOndeckApi(createWebSocketTransport(`ws://${window.location.host}/ipc`))
  return api
}
