import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'

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

/**
 * A sandboxed, context-isolated window. Navigation and window.open are denied; links to the web
 * open in the user's browser; every permission but notifications is refused.
 */
export function createMainWindow(): BrowserWindow {
  const devServerUrl = process.env['ELECTRON_RENDERER_URL']
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
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppOrigin(url, devServerUrl)) event.preventDefault()
  })
  window.once('ready-to-show', () => window.show())
  if (devServerUrl !== undefined) void window.loadURL(devServerUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
