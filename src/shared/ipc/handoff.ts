import { z } from 'zod'
import { NotificationAction } from './schemas'

/**
 * The durable hand-off of notification actions from main to the page, spoken only by the preload
 * and main's IPC binding (it is not part of `window.ondeck`): main queues every action on disk and
 * sends it with a delivery id; the preload hands it to the page's `notifications.onAction`
 * listeners and confirms it as taken; main forgets it only then. A page that subscribes says
 * "ready", and main sends it everything still queued (a button pressed while the window reloaded).
 */
export const HANDOFF = {
  /** preload -> main: a page now listens for notification actions. */
  ready: 'notifications:handoff-ready',
  /** main -> preload: one queued action. */
  deliver: 'notifications:handoff-deliver',
  /** preload -> main: the page took this action; main may forget it. */
  taken: 'notifications:handoff-taken',
} as const

const DeliveryId = z.string().min(1).max(64)

export const QueuedAction = z.object({ deliveryId: DeliveryId, action: NotificationAction })
export type QueuedAction = z.infer<typeof QueuedAction>

export const TakenReceipt = z.object({ deliveryId: DeliveryId })
export type TakenReceipt = z.infer<typeof TakenReceipt>
