import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { isProviderUrl } from './link-policy'

/** The renderer's only allowed origins: the dev server (dev) or the packaged file. */
export function isAppOrigin(url: string, devServerUrl: string | undefined): boolean {
  try {
    const target = new URL(url)
    if (devServerUrl !== undefined) return target.origin === new URL(devServerUrl).origin
    return target.protocol === 'file:'
  } catch {
    return false
  }
}

/** Hands a provider link to the user's browser; every other URL is dropped. */
function openIfProvider(url: string): void {
  if (isProviderUrl(url)) void shell.openExternal(url)
}

/**
 * A sandboxed, context-isolated window. Navigation and window.open are denied; links to the
 * provider's https sites open in the user's browser; every permission but notifications is refused.
 */
export function createMainWindow(
  devServerUrl: string | undefined = process.env['ELECTRON_RENDERER_URL'],
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
  window.once('ready-to-show', () => window.show())
  if (devServerUrl !== undefined) void window.loadURL(devServerUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
