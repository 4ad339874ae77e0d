/**
 * The one shared stand-in for Electron's OS-facing API, for unit tests of the shell (the Electron
 * binary cannot run here). It records what the shell asked for so tests can assert on it.
 */
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => void

export interface FakeWebContents {
  listeners: Map<string, Listener[]>
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' }
  on(event: string, listener: Listener): void
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void
  emit(event: string, ...args: unknown[]): void
}

export interface FakeBrowserWindow {
  options: Record<string, unknown>
  webContents: FakeWebContents
  loaded?: string
  shown: boolean
}

function fakeWebContents(): FakeWebContents {
  const listeners = new Map<string, Listener[]>()
  return {
    listeners,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
    },
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler
    },
    emit(event, ...args) {
      for (const l of listeners.get(event) ?? []) l(...args)
    },
  }
}

export const electronState = {
  windows: [] as FakeBrowserWindow[],
  permissionHandler: undefined as
    undefined | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  openedExternal: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  reset(): void {
    this.ipcHandlers.clear()
    this.windows = []
    this.permissionHandler = undefined
    this.openedExternal = []
  },
}

class BrowserWindow implements FakeBrowserWindow {
  static getAllWindows(): FakeBrowserWindow[] {
    return electronState.windows
  }
  webContents = fakeWebContents()
  loaded?: string
  shown = false
  constructor(public options: Record<string, unknown>) {
    electronState.windows.push(this)
  }
  once(event: string, listener: Listener): void {
    this.webContents.on(event, listener)
  }
  show(): void {
    this.shown = true
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url
    return Promise.resolve()
  }
  loadFile(path: string): Promise<void> {
    this.loaded = `file://${path}`
    return Promise.resolve()
  }
}

export const electronMock = {
  BrowserWindow,
  ipcMain: {
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (electronState.ipcHandlers.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`)
      }
      electronState.ipcHandlers.set(channel, handler)
    }),
    removeHandler: vi.fn((channel: string) => {
      electronState.ipcHandlers.delete(channel)
    }),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((handler: typeof electronState.permissionHandler) => {
        electronState.permissionHandler = handler
      }),
    },
  },
  shell: {
    openExternal: vi.fn((url: string) => {
      electronState.openedExternal.push(url)
      return Promise.resolve()
    }),
  },
}
