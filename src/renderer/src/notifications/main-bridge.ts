import type { OndeckApi } from '../../../shared/ipc/api'
import type { NotificationCenter } from './notification-center'
import type { NotificationRequest } from './requests'
import { scopedNotificationId, unscopedNotificationId } from './notification-ids'

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

/**
 * One workspace's `show` port when several may be connected: the notification's id carries the
 * workspace (`scopedNotificationId`), and its title names the workspace while `label()` gives
 * one (the app gives it when more than one workspace is connected).
 */
export function scopeShowPort(
  workspaceId: string,
  show: (request: NotificationRequest) => Promise<boolean>,
  label: () => string | undefined = () => undefined,
): (request: NotificationRequest) => Promise<boolean> {
  return (request) => {
    const name = label()
    const title = name === undefined ? request.title : `${name}: ${request.title}`
    return show({
      ...request,
      id: scopedNotificationId(workspaceId, request.id),
      title: title.length <= 200 ? title : `${title.slice(0, 199)}…`,
    })
  }
}

/**
 * Feeds main's events into the center: notification buttons and the tray's pause. With a
 * `workspaceId`, only that workspace's notifications reach it (their ids carry it); the others
 * are another workspace center's.
 */
export function connectNotificationCenter(
  api: NotificationsApi,
  center: NotificationCenter,
  workspaceId?: string,
): () => void {
  const offAction = api.notifications.onAction((action) => {
    if (workspaceId === undefined) return void center.handleAction(action)
    const own = unscopedNotificationId(workspaceId, action.notificationId)
    if (own !== undefined) void center.handleAction({ ...action, notificationId: own })
  })
  const offPaused = api.notifications.onPaused(({ until }) => center.setPausedUntil(until))
  // the desktop's global shortcut: every connected workspace acknowledges what rings there
  const offRinging = api.notifications.onAcknowledgeRinging(() => void center.acknowledgeRinging())
  return () => {
    offAction()
    offPaused()
    offRinging()
  }
}
