import { app, type BrowserWindow } from 'electron'
import { revealWindow } from './window-lifecycle'

/**
 * One Ondeck per user session: two would each hold a relay stream and replay the same outbox.
 * Returns false when another instance already runs (this one then quits, and the other comes to
 * the front through its 'second-instance' event).
 */
export function claimSingleInstance(currentWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => revealWindow(currentWindow()))
  return true
}
