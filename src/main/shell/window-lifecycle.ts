import { app, powerMonitor, type BrowserWindow } from 'electron'

/** Whether the app is on its way out, so a window close means "close", not "hide". */
export interface QuitState {
  isQuitting(): boolean
  /** For quits that close windows before `before-quit` fires (macOS update install). */
  markQuitting(): void
}

/**
 * Watches `before-quit` (tray Quit, Cmd+Q, an update install) and the OS shutting down, which
 * does not always pass through `before-quit`: a window that hides then would hold up the shutdown.
 */
export function trackQuitting(): QuitState {
  let quitting = false
  const markQuitting = (): void => {
    quitting = true
  }
  app.on('before-quit', markQuitting)
  powerMonitor.on('shutdown', markQuitting)
  return { isQuitting: () => quitting, markQuitting }
}

/**
 * Closing the window hides it to the tray instead: the renderer owns the outbox and the
 * notification rules, so it must stay alive for replays and pages to continue.
 */
export function hideOnClose(window: BrowserWindow, quit: QuitState): void {
  window.on('session-end', () => quit.markQuitting())
  window.on('close', (event) => {
    if (quit.isQuitting()) return
    event.preventDefault()
    window.hide()
  })
}

/** Brings the window to the front from wherever it is: hidden, minimised or behind others. */
export function revealWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
