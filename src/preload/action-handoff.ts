import { ipcRenderer, type IpcRendererEvent } from 'electron'
import { HANDOFF, QueuedAction } from '../shared/ipc/handoff'

type Listener = (payload: unknown) => void

const listeners = new Set<Listener>()
/** Delivery ids this page already took: a live send and a `ready` replay can cross. */
const taken = new Set<string>()
const MAX_REMEMBERED = 1_000
let listening = false

function onDelivery(_event: IpcRendererEvent, raw: unknown): void {
  const parsed = QueuedAction.safeParse(raw)
  if (!parsed.success) return
  const { deliveryId, action } = parsed.data
  if (!taken.has(deliveryId)) {
    // nobody listens yet: leave it queued in main, it comes again when a listener says ready
    if (listeners.size === 0) return
    for (const listener of [...listeners]) listener(action)
    taken.add(deliveryId)
    if (taken.size > MAX_REMEMBERED) taken.delete(taken.values().next().value ?? '')
  }
  ipcRenderer.send(HANDOFF.taken, { deliveryId })
}

/**
 * `ondeck.notifications.onAction` in the desktop app: the page sees each notification action once
 * and main keeps it on disk until the page has it (see `shared/ipc/handoff.ts`). Subscribing says
 * "ready", so actions pressed while this page was loading arrive now.
 */
export function subscribeToActions(listener: Listener): () => void {
  if (!listening) {
    ipcRenderer.on(HANDOFF.deliver, onDelivery)
    listening = true
  }
  listeners.add(listener)
  ipcRenderer.send(HANDOFF.ready)
  return () => {
    listeners.delete(listener)
  }
}
