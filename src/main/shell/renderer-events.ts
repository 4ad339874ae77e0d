import type { BrowserWindow } from 'electron'
import type { EventName, EventPayload } from '../../shared/ipc/contract'
import type { QueuedAction } from '../../shared/ipc/handoff'
import type { ActionQueue, NotificationActionPayload } from './action-queue'
import { sendEvent, sendQueuedAction, type ActionHandoff } from './ipc/bind'

/** Sends one contract event to the renderer, whichever window currently hosts it. */
export type EmitEvent = <N extends EventName>(name: N, payload: EventPayload<N>) => void

/**
 * Looks the window up at send time: the window can be replaced (macOS re-opens one on
 * 'activate'), and an event for a window that is gone is dropped, not queued: the renderer
 * reconciles on load anyway. Notification actions are the exception: see `actionsTo`.
 */
export function eventsTo(currentWindow: () => BrowserWindow | undefined): EmitEvent {
  return (name, payload) => {
    const window = currentWindow()
    if (window === undefined || window.isDestroyed()) return
    sendEvent(window.webContents, name, payload)
  }
}

export interface ActionDelivery extends ActionHandoff {
  /** Queues the action durably, then offers it to the current page. */
  deliver(action: NotificationActionPayload): void
}

/**
 * Notification actions cannot be reconciled from Opsgenie: an Acknowledge pressed while the page
 * reloads exists nowhere else. So each is queued on disk first and sent; a page that was not
 * listening gets it when it subscribes (`ready`), and it leaves the queue only once the page
 * confirms it (`taken`). The preload ignores a delivery id it already took, so a page sees each
 * action once even when the live send and a `ready` replay cross.
 */
export function actionsTo(
  currentWindow: () => BrowserWindow | undefined,
  queue: ActionQueue,
): ActionDelivery {
  const send = (queued: QueuedAction): void => {
    const window = currentWindow()
    if (window === undefined || window.isDestroyed()) return
    sendQueuedAction(window.webContents, queued)
  }
  return {
    deliver: (action) => send(queue.enqueue(action)),
    ready: () => queue.pending().forEach(send),
    taken: (deliveryId) => queue.take(deliveryId),
  }
}
