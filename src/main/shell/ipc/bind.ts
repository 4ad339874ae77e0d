import { ipcMain, type WebContents } from 'electron'
import { events, requests, type EventName, type EventPayload } from '../../../shared/ipc/contract'
import type { IpcRouter } from '../../gateway/ipc/router'

/**
 * The only place main touches ipcMain: every contract channel is handled by the router, which
 * checks the sender frame's URL and parses the input. Channels without a handler answer
 * `unknown-channel` rather than hanging the renderer.
 */
export function bindIpc(router: IpcRouter): () => void {
  const names = Object.keys(requests)
  for (const channel of names) {
    ipcMain.handle(channel, (event, input: unknown) =>
      router.dispatch(channel, input, { url: event.senderFrame?.url ?? '' }),
    )
  }
  return () => {
    for (const channel of names) ipcMain.removeHandler(channel)
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
