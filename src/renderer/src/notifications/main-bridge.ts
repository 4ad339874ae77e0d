import type { OndeckApi } from '../../../shared/ipc/api'
import type { NotificationCenter } from './notification-center'
import type { NotificationRequest } from './requests'

export type NotificationsApi = Pick<OndeckApi, 'notifications' | 'tray'>

/**
 * The `show` port: main shows it; when main cannot (browser mode answers `{ shown: false }`), the
 * optional fallback shows a Web Notification. Pass the fallback only in browser mode: in the
 * desktop app `shown: false` also means "paused by the tray", which a fallback must not undo.
 */
export function createShowPort(
  api: NotificationsApi,
  fallback?: (request: NotificationRequest) => Promise<boolean>,
): (request: NotificationRequest) => Promise<boolean> {
  return async (request) => {
    const answer = await api.notifications.show(request)
    if (answer.ok && answer.value.shown) return true
    return fallback === undefined ? false : fallback(request)
  }
}

/** Feeds main's events into the center: notification buttons and the tray's pause. */
export function connectNotificationCenter(
  api: NotificationsApi,
  center: NotificationCenter,
): () => void {
  const offAction = api.notifications.onAction((action) => void center.handleAction(action))
  const offPaused = api.notifications.onPaused(({ until }) => center.setPausedUntil(until))
  return () => {
    offAction()
    offPaused()
  }
}
