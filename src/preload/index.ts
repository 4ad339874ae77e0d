import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildOndeckApi } from '../shared/ipc/api'
import { settleEnvelope } from '../shared/ipc/envelope'
import { subscribeToActions } from './action-handoff'

/**
 * The renderer's whole view of main: `window.ondeck`, typed from the IPC contract. Every method is
 * bound to one channel; ipcRenderer itself never reaches the page. A rejected invoke (main threw,
 * the window is reloading) or an answer that is not an envelope becomes a `transport-lost`
 * envelope, never `not-sent`: the request was issued, so main may have acted on it.
 */
const api = buildOndeckApi({
  invoke: (channel, input) => settleEnvelope(() => ipcRenderer.invoke(channel, input)),
  subscribe(channel, listener) {
    if (channel === 'notifications:action') return subscribeToActions(listener)
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
})

contextBridge.exposeInMainWorld('ondeck', api)
