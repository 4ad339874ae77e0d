import { ipcMain, type IpcMainEvent, type WebContents, type WebFrameMain } from 'electron'
import { events, requests, type EventName, type EventPayload } from '../../../shared/ipc/contract'
import { fail } from '../../../shared/ipc/envelope'
import { HANDOFF, QueuedAction, TakenReceipt } from '../../../shared/ipc/handoff'
import type { IpcRouter } from '../../gateway/ipc/router'

export interface BindOptions {
  /**
   * True only for the app window's main frame (Electron's checklist: validate `senderFrame`).
   * The router then checks the frame's URL is the exact app origin.
   */
  isAppFrame(frame: WebFrameMain | null | undefined): boolean
}

/**
 * The only place main touches ipcMain: every contract channel is handled by the router, which
 * checks the sender frame's URL and parses the input. A frame that is not the window's main frame
 * (an iframe, another window) is refused here, whatever its URL. Channels without a handler
 * answer `unknown-channel` rather than hanging the renderer.
 */
export function bindIpc(router: IpcRouter, options: BindOptions): () => void {
  const names = Object.keys(requests)
  for (const channel of names) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame
      if (!options.isAppFrame(frame)) {
        return fail({
          code: 'forbidden-sender',
          message: `IPC from a frame other than the app window (${frame?.url ?? 'gone'}) is not allowed`,
        })
      }
      return router.dispatch(channel, input, { url: frame?.url ?? '' })
    })
  }
  return () => {
    for (const channel of names) ipcMain.removeHandler(channel)
  }
}

/** Main's side of the notification-action hand-off (`shared/ipc/handoff.ts`). */
export interface ActionHandoff {
  ready(): void
  taken(deliveryId: string): void
}

/** Listens for the preload's "ready" and "taken" messages, from the app frame only. */
export function bindActionHandoff(handoff: ActionHandoff, options: BindOptions): () => void {
  const onReady = (event: IpcMainEvent): void => {
    if (options.isAppFrame(event.senderFrame)) handoff.ready()
  }
  const onTaken = (event: IpcMainEvent, receipt: unknown): void => {
    if (!options.isAppFrame(event.senderFrame)) return
    const parsed = TakenReceipt.safeParse(receipt)
    if (parsed.success) handoff.taken(parsed.data.deliveryId)
  }
  ipcMain.on(HANDOFF.ready, onReady)
  ipcMain.on(HANDOFF.taken, onTaken)
  return () => {
    ipcMain.removeListener(HANDOFF.ready, onReady)
    ipcMain.removeListener(HANDOFF.taken, onTaken)
  }
}

/** Sends a typed event to a window, checking it against the contract first. */
export function sendEvent<N extends EventName>(
  target: WebContents,
  name: N,
  payload: EventPayload<N>,
): void {
  const checked = events[name].payload.parse(payload)
  if (!target.isDestroyed()) target.send(name, checked)
}

/** Sends one queued notification action to the page's preload. */
export function sendQueuedAction(target: WebContents, queued: QueuedAction): void {
  const checked = QueuedAction.parse(queued)
  if (!target.isDestroyed()) target.send(HANDOFF.deliver, checked)
}
