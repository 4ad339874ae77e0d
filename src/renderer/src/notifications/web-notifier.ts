import type { NotificationAction } from './action-router'
import type { NotificationRequest } from './requests'

/** The parts of the DOM's Notification API used here; tests pass a recording fake. */
export interface WebNotificationApi {
  readonly permission: NotificationPermission
  requestPermission(): Promise<NotificationPermission>
  new (title: string, options?: NotificationOptions): Notification
}

export interface WebNotifierDeps {
  readonly api?: WebNotificationApi | undefined
  readonly onAction: (action: NotificationAction) => void
  readonly focus?: () => void
}

/**
 * Browser mode's notifier, used when main answers `{ shown: false }`. Page notifications have no
 * buttons (those need a service worker), so a click opens the alert and the app's own buttons and
 * keys do the rest. Returns whether it showed anything.
 */
export function createWebNotifier(
  deps: WebNotifierDeps,
): (request: NotificationRequest) => Promise<boolean> {
  const api = deps.api ?? (typeof Notification === 'undefined' ? undefined : Notification)
  const live = new Map<string, Notification>()
  return async (request) => {
    if (api === undefined) return false
    const permission = api.permission === 'default' ? await api.requestPermission() : api.permission
    if (permission !== 'granted') return false
    live.get(request.id)?.close()
    const notification = new api(request.title, {
      body: request.body,
      tag: request.id,
      requireInteraction: request.urgent,
    })
    live.set(request.id, notification)
    notification.onclick = () => {
      ;(deps.focus ?? (() => window.focus()))()
      deps.onAction({ notificationId: request.id, action: 'click' })
      notification.close()
    }
    notification.onclose = () => {
      if (live.get(request.id) === notification) live.delete(request.id)
    }
    return true
  }
}
