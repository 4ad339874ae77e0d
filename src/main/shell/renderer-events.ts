import type { BrowserWindow } from 'electron'
import type { EventName, EventPayload } from '../../shared/ipc/contract'
import { sendEvent } from './ipc/bind'

/** Sends one contract event to the renderer, whichever window currently hosts it. */
export type EmitEvent = <N extends EventName>(name: N, payload: EventPayload<N>) => void

/**
 * Looks the window up at send time: the window can be replaced (macOS re-opens one on
 * 'activate'), and an event for a window that is gone is dropped, not queued: the renderer
 * reconciles on load anyway.
 */
export function eventsTo(currentWindow: () => BrowserWindow | undefined): EmitEvent {
  return (name, payload) => {
    const window = currentWindow()
    if (window === undefined || window.isDestroyed()) return
    sendEvent(window.webContents, name, payload)
  }
}
