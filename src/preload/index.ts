import { contextBridge } from 'electron'

/**
 * The renderer's whole view of main. It grows with the IPC contract (src/shared/ipc); it never
 * exposes ipcRenderer or a generic invoke.
 */
const api = {
  version: '0.1.0',
} as const

export type OndeckApi = typeof api

contextBridge.exposeInMainWorld('ondeck', api)
