/**
 * The one shared stand-in for Electron's OS-facing API (and electron-updater, which wraps one),
 * for unit tests of the shell: the Electron binary cannot run here. It records what the shell
 * asked for so tests can assert on it, and lets tests fire the OS's events.
 *
 * Use: `vi.mock('electron', () => electronMock)` (and `vi.mock('electron-updater', () =>
 * electronUpdaterMock)`), then `electronState.reset()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => void
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }
type PermissionHandler = (wc: unknown, permission: string, callback: (ok: boolean) => void) => void
type PermissionCheck = (wc: unknown, permission: string) => boolean

/** An Electron-style event: tests read `defaultPrevented` after emitting it. */
export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

/** A frame as IPC events name it (`event.senderFrame`): the window's main frame or another. */
let nextRoutingId = 1
export class FakeFrame {
  processId = 1
  routingId = nextRoutingId++
  constructor(public url = '') {}
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: OpenHandler
  mainFrame = new FakeFrame()
  sent: { channel: string; payload: unknown }[] = []
  reloads = 0
  destroyed = false
  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
    if (electronState.renderer.contents === this) electronState.renderer.receive(channel, payload)
  }
  sentOn(channel: string): unknown[] {
    return this.sent.filter((m) => m.channel === channel).map((m) => m.payload)
  }
  reload(): void {
    this.reloads += 1
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return electronState.windows.filter((w) => !w.destroyed)
  }
  webContents = new FakeWebContents()
  loaded?: string
  visible = false
  minimized = false
  focused = false
  destroyed = false
  constructor(public options: Record<string, unknown>) {
    super()
    electronState.windows.push(this)
  }
  show(): void {
    this.visible = true
  }
  hide(): void {
    this.visible = false
    this.focused = false
  }
  focus(): void {
    this.focused = true
  }
  minimize(): void {
    this.minimized = true
  }
  restore(): void {
    this.minimized = false
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isVisible(): boolean {
    return this.visible
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Like the OS close button: 'close' may be prevented; otherwise the window is gone. */
  close(): void {
    const event = fakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }
  loadFile(path: string): Promise<void> {
    this.loaded = `file://${path}`
    return Promise.resolve()
  }
  /** Windows' taskbar overlay (the badge there), null when cleared. */
  overlay: { icon: unknown; description: string } | null = null
  setOverlayIcon(icon: unknown, description: string): void {
    this.overlay = icon === null ? null : { icon, description }
  }
  /** Taskbar flashing (Windows, Linux): on until `flashFrame(false)`. */
  flashing = false
  flashFrame(flag: boolean): void {
    this.flashing = flag
  }
}

export interface MenuItem {
  label?: string
  type?: string
  checked?: boolean
  click?: () => void
}

export class FakeTray extends EventEmitter {
  tooltip = ''
  /** macOS: text beside the menu-bar icon. */
  title = ''
  menu: MenuItem[] = []
  destroyed = false
  constructor(public image: unknown) {
    super()
    electronState.trays.push(this)
  }
  setImage(image: unknown): void {
    this.image = image
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  setTitle(text: string): void {
    this.title = text
  }
  setContextMenu(menu: { items: MenuItem[] }): void {
    this.menu = menu.items
  }
  destroy(): void {
    this.destroyed = true
  }
  /** Clicks the context-menu item with this label; fails loudly when it is not there. */
  clickItem(label: string): void {
    const item = this.menu.find((i) => i.label === label)
    if (item?.click === undefined) throw new Error(`no tray menu item "${label}"`)
    item.click()
  }
}

export class FakeNotification extends EventEmitter {
  static supported = true
  static isSupported(): boolean {
    return FakeNotification.supported
  }
  shown = false
  closed = false
  constructor(public options: Record<string, unknown>) {
    super()
    electronState.notifications.push(this)
  }
  show(): void {
    this.shown = true
  }
  close(): void {
    this.closed = true
    this.emit('close', fakeEvent())
  }
}

class FakeApp extends EventEmitter {
  version = '1.2.3'
  isPackaged = false
  singleInstanceLock = true
  quitCalls = 0
  sandboxEnabled = false
  appUserModelId?: string
  requestSingleInstanceLock = (): boolean => this.singleInstanceLock
  /** Each `setAsDefaultProtocolClient` call: the scheme, and the command when one was given. */
  protocolClients: { scheme: string; path?: string; args?: string[] }[] = []
  setAsDefaultProtocolClient = (scheme: string, path?: string, args?: string[]): boolean => {
    this.protocolClients.push({
      scheme,
      ...(path !== undefined ? { path } : {}),
      ...(args !== undefined ? { args } : {}),
    })
    return true
  }
  enableSandbox = (): void => {
    this.sandboxEnabled = true
  }
  setAppUserModelId = (id: string): void => {
    this.appUserModelId = id
  }
  getVersion = (): string => this.version
  getAppPath = (): string => '/app'
  /** Folders tests point at a temp dir (`electronState.paths.userData = ...`). */
  getPath = (name: string): string => {
    const path = electronState.paths[name]
    if (path === undefined) throw new Error(`the test set no app path for "${name}"`)
    return path
  }
  whenReady = (): Promise<void> => Promise.resolve()
  /** The dock/launcher badge (macOS, Linux Unity). */
  badgeCount = 0
  setBadgeCount = (count?: number): boolean => {
    this.badgeCount = count ?? 0
    return true
  }
  /** What `setLoginItemSettings` was last given; `wasOpenedAtLogin` plays a macOS login start. */
  loginItem: Record<string, unknown> = { openAtLogin: false }
  wasOpenedAtLogin = false
  setLoginItemSettings = (settings: Record<string, unknown>): void => {
    this.loginItem = { ...settings }
  }
  getLoginItemSettings = (): Record<string, unknown> => ({
    ...this.loginItem,
    wasOpenedAtLogin: this.wasOpenedAtLogin,
  })
  /** macOS' dock: `bounce` answers an id, `cancelBounce` takes it; `bouncing` is what is on. */
  dock = {
    bouncing: new Set<number>(),
    bounces: [] as string[],
    nextId: 1,
    bounce(type: string = 'informational'): number {
      const id = this.nextId++
      this.bounces.push(type)
      this.bouncing.add(id)
      return id
    },
    cancelBounce(id: number): void {
      this.bouncing.delete(id)
    },
  }
  /** Like Electron: 'before-quit' first, then windows close (each may still refuse). */
  quit = (): void => {
    this.quitCalls += 1
    this.emit('before-quit', fakeEvent())
    for (const window of FakeBrowserWindow.getAllWindows()) window.close()
  }
}

class FakeUpdater extends EventEmitter {
  feed?: unknown
  checks = 0
  installs = 0
  autoDownload = true
  logger: unknown = null
  checkFailure?: Error
  /** electron-updater's Windows signature check; the shell must never replace it. */
  verifyUpdateCodeSignature = (): Promise<string | null> => Promise.resolve(null)
  setFeedURL(options: unknown): void {
    this.feed = options
  }
  checkForUpdates(): Promise<null> {
    this.checks += 1
    return this.checkFailure === undefined
      ? Promise.resolve(null)
      : Promise.reject(this.checkFailure)
  }
  quitAndInstall(): void {
    this.installs += 1
  }
}

type IpcMainListener = (event: unknown, ...args: unknown[]) => void
type RendererListener = (event: unknown, payload: unknown) => void

/**
 * The page side of IPC, for tests that load the real preload: `ipcRenderer.send` reaches the
 * `ipcMain.on` listeners with `senderFrame` set to the attached window's main frame (or `frame`),
 * and `webContents.send` on the attached window reaches `ipcRenderer.on` listeners.
 */
class FakeRenderer {
  contents?: FakeWebContents
  /** Overrides the sender frame, to play a subframe or a foreign page. */
  frame?: FakeFrame
  listeners = new Map<string, Set<RendererListener>>()
  exposed: Record<string, unknown> = {}
  attach(contents: FakeWebContents): void {
    this.contents = contents
  }
  /** Like a reload: the page and its preload's listeners are gone. */
  unload(): void {
    this.listeners.clear()
    this.exposed = {}
  }
  receive(channel: string, payload: unknown): void {
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener({}, payload)
  }
  send(channel: string, ...args: unknown[]): void {
    const senderFrame = this.frame ?? this.contents?.mainFrame ?? null
    const event = { senderFrame, sender: this.contents }
    for (const listener of electronState.ipcListeners.get(channel) ?? []) listener(event, ...args)
  }
}

export const electronState = {
  app: new FakeApp(),
  updater: new FakeUpdater(),
  powerMonitor: new EventEmitter(),
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  permissionHandler: undefined as PermissionHandler | undefined,
  permissionCheck: undefined as PermissionCheck | undefined,
  openedExternal: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  ipcListeners: new Map<string, IpcMainListener[]>(),
  renderer: new FakeRenderer(),
  paths: {} as Record<string, string>,
  /** What `protocol.registerSchemesAsPrivileged` was given, and the `protocol.handle` handlers. */
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  /** Answers the next `dialog.showMessageBox` calls will give, in order (default: button 0). */
  dialogAnswers: [] as number[],
  dialogs: [] as Record<string, unknown>[],
  /** What the next `dialog.showSaveDialog` answers (default: cancelled). */
  saveDialogAnswer: { canceled: true } as { canceled: boolean; filePath?: string },
  saveDialogs: [] as Record<string, unknown>[],
  /** Every `net.fetch` call (URL and init); the request itself goes to Node's fetch (loopback). */
  netFetches: [] as { url: string; init: RequestInit | undefined }[],
  /** Global shortcuts held now, by accelerator; `takenShortcuts` are held by another app. */
  shortcuts: new Map<string, () => void>(),
  takenShortcuts: new Set<string>(),
  reset(): void {
    this.app.removeAllListeners()
    this.app = new FakeApp()
    this.updater = new FakeUpdater()
    this.powerMonitor.removeAllListeners()
    this.ipcHandlers.clear()
    this.ipcListeners.clear()
    this.renderer = new FakeRenderer()
    this.paths = {}
    this.privilegedSchemes = []
    this.protocolHandlers.clear()
    this.windows = []
    this.trays = []
    this.notifications = []
    FakeNotification.supported = true
    this.permissionHandler = undefined
    this.permissionCheck = undefined
    this.openedExternal = []
    this.dialogAnswers = []
    this.dialogs = []
    this.saveDialogAnswer = { canceled: true }
    this.saveDialogs = []
    this.netFetches = []
    this.shortcuts.clear()
    this.takenShortcuts.clear()
  },
}

/** Proxies so `import { app } from 'electron'` keeps seeing the current fake after a reset. */
function live<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      const value = Reflect.get(get(), key) as unknown
      return typeof value === 'function' ? (value as Listener).bind(get()) : value
    },
    set: (_target, key, value) => Reflect.set(get(), key, value),
  })
}

export const electronMock = {
  app: live(() => electronState.app),
  powerMonitor: live(() => electronState.powerMonitor),
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (items: MenuItem[]) => ({ items }) },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  globalShortcut: {
    register: vi.fn((accelerator: string, callback: () => void): boolean => {
      if (electronState.takenShortcuts.has(accelerator) || electronState.shortcuts.has(accelerator))
        return false
      electronState.shortcuts.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => void electronState.shortcuts.delete(accelerator)),
    isRegistered: (accelerator: string): boolean => electronState.shortcuts.has(accelerator),
  },
  dialog: {
    showMessageBox: vi.fn((...args: unknown[]) => {
      const options = args.at(-1) as Record<string, unknown>
      electronState.dialogs.push(options)
      return Promise.resolve({ response: electronState.dialogAnswers.shift() ?? 0 })
    }),
    showSaveDialog: vi.fn((...args: unknown[]) => {
      const options = args.at(-1) as Record<string, unknown>
      electronState.saveDialogs.push(options)
      return Promise.resolve({ filePath: '', ...electronState.saveDialogAnswer })
    }),
  },
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
    on: vi.fn((channel: string, listener: IpcMainListener) => {
      electronState.ipcListeners.set(channel, [
        ...(electronState.ipcListeners.get(channel) ?? []),
        listener,
      ])
    }),
    removeListener: vi.fn((channel: string, listener: IpcMainListener) => {
      const left = (electronState.ipcListeners.get(channel) ?? []).filter((l) => l !== listener)
      electronState.ipcListeners.set(channel, left)
    }),
  },
  ipcRenderer: {
    on: vi.fn((channel: string, listener: RendererListener) => {
      const set = electronState.renderer.listeners.get(channel) ?? new Set()
      set.add(listener)
      electronState.renderer.listeners.set(channel, set)
    }),
    removeListener: vi.fn((channel: string, listener: RendererListener) => {
      electronState.renderer.listeners.get(channel)?.delete(listener)
    }),
    send: vi.fn((channel: string, ...args: unknown[]) =>
      electronState.renderer.send(channel, ...args),
    ),
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
      const handler = electronState.ipcHandlers.get(channel)
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`)
      const senderFrame = electronState.renderer.frame ?? electronState.renderer.contents?.mainFrame
      return handler({ senderFrame: senderFrame ?? null }, ...args)
    }),
  },
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      electronState.renderer.exposed[key] = api
    }),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(
      (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        electronState.privilegedSchemes.push(...schemes)
      },
    ),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      if (electronState.protocolHandlers.has(scheme)) {
        throw new Error(`The scheme has been handled: ${scheme}`)
      }
      electronState.protocolHandlers.set(scheme, handler)
    }),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((handler: PermissionHandler) => {
        electronState.permissionHandler = handler
      }),
      setPermissionCheckHandler: vi.fn((handler: PermissionCheck) => {
        electronState.permissionCheck = handler
      }),
    },
  },
  net: {
    fetch: vi.fn((input: string | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input.url
      electronState.netFetches.push({ url, init })
      return globalThis.fetch(input, init)
    }),
  },
  shell: {
    openExternal: vi.fn((url: string) => {
      electronState.openedExternal.push(url)
      return Promise.resolve()
    }),
  },
}

export const electronUpdaterMock = {
  default: { autoUpdater: live(() => electronState.updater) },
}
