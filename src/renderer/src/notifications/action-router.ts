import type { z } from 'zod'
import { assertNever } from '../../../shared/assert-never'
import type { NotificationAction as ActionSchema } from '../../../shared/ipc/schemas'
import { parseNotificationId } from './notification-ids'

export type NotificationAction = z.infer<typeof ActionSchema>

/** What a notification's buttons turn into; the lead maps acknowledge/close onto outbox commands. */
export interface ActionCallbacks {
  readonly onAcknowledge: (alertId: string) => void
  readonly onClose: (alertId: string) => void
  readonly onOpen: (alertId: string) => void
  /** The storm summary was clicked: show the alert list. */
  readonly onOpenSummary?: () => void
}

export type RoutedAction =
  | { readonly kind: 'acknowledge' | 'close' | 'open'; readonly alertId: string }
  | { readonly kind: 'summary' }
  | { readonly kind: 'ignored' }

/** Routes one `notifications:action`; ids that are not ours (an older build's, a stray) are ignored. */
export function routeAction(action: NotificationAction, callbacks: ActionCallbacks): RoutedAction {
  const target = parseNotificationId(action.notificationId)
  if (target === undefined) return { kind: 'ignored' }
  if (target.kind === 'summary') {
    callbacks.onOpenSummary?.()
    return { kind: 'summary' }
  }
  const { alertId } = target
  switch (action.action) {
    case 'acknowledge':
      callbacks.onAcknowledge(alertId)
      return { kind: 'acknowledge', alertId }
    case 'close':
      callbacks.onClose(alertId)
      return { kind: 'close', alertId }
    case 'open':
    case 'click':
      callbacks.onOpen(alertId)
      return { kind: 'open', alertId }
    default:
      return assertNever(action.action, 'notification action')
  }
}
