import { BrowserWindow, session, shell, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL, isAppUrl } from './app-protocol'
import { isProviderUrl } from './link-policy'

/**
 * The renderer's one allowed origin: exactly `app://ondeck`, or in development exactly the dev
 * server's. Never `file:`: every file page shares that origin, a dropped or downloaded one too.
 */
export function isAppOrigin(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl === undefined) return isAppUrl(url)
  try {
    const target = new URL(url)
    const dev = new URL(devServerUrl)
    return target.origin === dev.origin && target.username === '' && target.password === ''
  } catch {
    return false
  }
}

/**
 * The dev server electron-vite announces through ELECTRON_RENDERER_URL, honoured only in an
 * unpackaged app: in a shipped one that variable would let anyone who can set the environment
 * (a shortcut, a launcher) load a page of their choosing as the app, with its IPC.
 */
export function devServerUrlFrom(
  env: Record<string, string | undefined>,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged) return undefined
  const value = env['ELECTRON_RENDERER_URL']?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** An IPC frame is the app's only when it is the window's main frame showing the app origin. */
export function isWindowAppFrame(
  window: BrowserWindow | undefined,
  frame: WebFrameMain | null | undefined,
  devServerUrl: string | undefined,
): boolean {
  if (window === undefined || window.isDestroyed() || frame == null) return false
  const main = window.webContents.mainFrame
  const same =
    frame === main || (frame.processId === main.processId && frame.routingId === main.routingId)
  return same && isAppOrigin(frame.url, devServerUrl)
}

/** Hands a provider link to the user's browser; every other URL is dropped. */
function openIfProvider(url: string): void {
  if (isProviderUrl(url)) void shell.openExternal(url)
}

/**
 * A sandboxed, context-isolated window. Navigation (a dropped file included) and window.open are
 * denied; links to the provider's https sites open in the user's browser; every permission but
 * notifications is refused. Pass `devServerUrl` only from `devServerUrlFrom`.
 */
export function createMainWindow(
  devServerUrl?: string,
  options: { readonly show?: boolean } = {},
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    show: false,
    title: 'Ondeck',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications')
  })
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission) => permission === 'notifications',
  )
  window.webContents.setWindowOpenHandler(({ url }) => {
    openIfProvider(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (isAppOrigin(url, devServerUrl)) return
    event.preventDefault()
    openIfProvider(url)
  })
  // A login start stays in the tray (`show: false`); the tray or a second launch reveals it.
  if (options.show !== false) window.once('ready-to-show', () => window.show())
  if (devServerUrl !== undefined) void window.loadURL(devServerUrl)
  else void window.loadURL(APP_ENTRY_URL)
  return window
}
