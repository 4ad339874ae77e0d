import { Notification } from 'electron'
import type { ParsedInput } from '../../shared/ipc/contract'
import type { ShellLog } from './log'
import type { NotificationPause } from './notification-pause'
import type { NotificationActionPayload } from './action-queue'

type NotificationRequest = ParsedInput<'notifications:show'>
type ActionName = NotificationRequest['actions'][number]

const LABELS: Record<ActionName, string> = {
  acknowledge: 'Acknowledge',
  close: 'Close',
  open: 'Open',
}

export interface NotifierDeps {
  readonly pause: NotificationPause
  /** Hands a click to the renderer; durably (see `actionsTo`), so a reload does not lose it. */
  readonly deliver: (action: NotificationActionPayload) => void
  readonly reveal: () => void
  readonly log: ShellLog
  /** Buttons exist on macOS and Windows; elsewhere a click (which opens) is all there is. */
  readonly platform?: NodeJS.Platform
  readonly icon?: string
}

export interface Notifier {
  show(request: NotificationRequest): { shown: boolean }
}

/**
 * Shows what the renderer asked for and hands every click back to it as an event: the renderer
 * turns "acknowledge" into an outbox command, so a button press survives being offline.
 * Live notifications are kept referenced: Electron drops the handlers of collected ones.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const platform = deps.platform ?? process.platform
  const withButtons = platform === 'darwin' || platform === 'win32'
  const live = new Map<string, Notification>()

  function forget(id: string, notification: Notification): void {
    if (live.get(id) === notification) live.delete(id)
  }

  return {
    show(request) {
      if (!Notification.isSupported()) return { shown: false }
      if (deps.pause.isPaused() && !request.urgent) return { shown: false }
      const actions = withButtons ? request.actions : []
      const notification = new Notification({
        title: request.title,
        body: request.body,
        urgency: request.urgent ? 'critical' : 'normal',
        timeoutType: request.urgent ? 'never' : 'default',
        actions: actions.map((action) => ({ type: 'button' as const, text: LABELS[action] })),
        ...(deps.icon === undefined ? {} : { icon: deps.icon }),
      })
      const deliver = (action: ActionName | 'click'): void => {
        deps.deliver({ notificationId: request.id, action })
        if (action === 'click' || action === 'open') deps.reveal()
      }
      notification.on('click', () => deliver('click'))
      notification.on('action', (details) => {
        const action = actions[details.actionIndex]
        if (action !== undefined) deliver(action)
      })
      notification.on('close', () => forget(request.id, notification))
      notification.on('failed', (_event, error) => {
        forget(request.id, notification)
        deps.log.warn(`notification ${request.id} failed`, error)
      })
      live.get(request.id)?.close()
      live.set(request.id, notification)
      notification.show()
      return { shown: true }
    },
  }
}
