import { app, type BrowserWindow } from 'electron'
import { revealWindow } from './window-lifecycle'

/**
 * One Ondeck per user session: two would each hold a relay stream and replay the same outbox.
 * Returns false when another instance already runs (this one then quits, and the other comes to
 * the front through its 'second-instance' event, which also hands it the second start's command
 * line: an `ondeck://` link opened while Ondeck runs arrives there on Windows and Linux).
 */
export function claimSingleInstance(
  currentWindow: () => BrowserWindow | undefined,
  onSecondStart?: (argv: readonly string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', (_event, argv: string[]) => {
    revealWindow(currentWindow())
    onSecondStart?.(argv)
  })
  return true
}
