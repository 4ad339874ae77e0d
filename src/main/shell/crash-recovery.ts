import { app, dialog, type BrowserWindow } from 'electron'
import type { ShellLog } from './log'
import type { QuitState } from './window-lifecycle'

export interface CrashRecoveryOptions {
  readonly quit: QuitState
  readonly log: ShellLog
  /** Reloads allowed within `periodMs` before asking the user instead. */
  readonly maxReloads?: number
  readonly periodMs?: number
  readonly now?: () => number
}

/**
 * A crashed renderer is reloaded: its state is in IndexedDB, so a reload loses nothing and pages
 * keep arriving. A renderer that crashes on start would reload forever, so past the cap the user
 * is asked (reload again or quit) instead.
 */
export function reloadOnCrash(window: BrowserWindow, options: CrashRecoveryOptions): void {
  const { quit, log, maxReloads = 3, periodMs = 60_000, now = Date.now } = options
  let reloads: number[] = []
  let asking = false

  window.webContents.on('render-process-gone', (_event, details) => {
    if (quit.isQuitting() || details.reason === 'clean-exit' || window.isDestroyed()) return
    const at = now()
    reloads = reloads.filter((t) => at - t < periodMs)
    if (reloads.length < maxReloads) {
      reloads.push(at)
      log.warn(`renderer gone (${details.reason}); reloading`)
      window.webContents.reload()
      return
    }
    if (asking) return
    asking = true
    log.warn(`renderer gone (${details.reason}) ${reloads.length + 1} times; asking the user`)
    void dialog
      .showMessageBox({
        type: 'error',
        title: 'Ondeck',
        message: 'Ondeck’s window keeps crashing',
        detail: `It stopped ${reloads.length + 1} times within a minute (last: ${details.reason}).`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        asking = false
        if (response !== 0) return app.quit()
        reloads = []
        if (!window.isDestroyed()) window.webContents.reload()
      })
  })
}
