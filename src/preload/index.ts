import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildOndeckApi } from '../shared/ipc/api'
import type { Envelope } from '../shared/ipc/envelope'

/**
 * The renderer's whole view of main: `window.ondeck`, typed from the IPC contract. Every method is
 * bound to one channel; ipcRenderer itself never reaches the page.
 */
const api = buildOndeckApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  subscribe(channel, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
})

contextBridge.exposeInMainWorld('ondeck', api)
