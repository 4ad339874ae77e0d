import { app, type BrowserWindow } from 'electron'
import { reloadOnCrash } from './crash-recovery'
import type { ShellLog } from './log'
import { createNotificationPause } from './notification-pause'
import { createNotifier } from './notifier'
import { emitResumes } from './power-events'
import { eventsTo, type EmitEvent } from './renderer-events'
import { resourcePath } from './resources'
import { createShellHandlers, type ShellHandlers } from './shell-handlers'
import { createTray } from './tray'
import { checkForUpdatesOnStart } from './updater'
import { createMainWindow } from './window'
import { hideOnClose, revealWindow, trackQuitting } from './window-lifecycle'

/** Must match `appId` in electron-builder.json: Windows routes notifications by it. */
export const APP_ID = 'app.ondeck.desktop'

export interface DesktopOptions {
  readonly devServerUrl: string | undefined
  readonly updateFeedUrl: string | undefined
  readonly log: ShellLog
}

export interface DesktopShell {
  currentWindow(): BrowserWindow | undefined
  readonly handlers: ShellHandlers
  readonly emit: EmitEvent
}

/** Everything the desktop app owns besides IPC, wired once the app is ready. */
export function startDesktopShell(options: DesktopOptions): DesktopShell {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  const quit = trackQuitting()
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow(options.devServerUrl)
    hideOnClose(created, quit)
    reloadOnCrash(created, { quit, log: options.log })
    return created
  }
  let window = openWindow()
  const currentWindow = (): BrowserWindow | undefined => (window.isDestroyed() ? undefined : window)
  const reveal = (): void => revealWindow(currentWindow())
  const emit = eventsTo(currentWindow)

  const pause = createNotificationPause()
  pause.onChange((until) => emit('notifications:paused', { until }))
  const tray = createTray({
    pause,
    reveal,
    quit: () => app.quit(),
    iconPath: (file) => resourcePath('tray', file),
  })
  const notifier = createNotifier({ pause, emit, reveal, log: options.log })
  emitResumes(emit)
  app.on('activate', () => {
    if (window.isDestroyed()) window = openWindow()
    else reveal()
  })
  void checkForUpdatesOnStart({
    feedUrl: options.updateFeedUrl,
    isPackaged: app.isPackaged,
    emit,
    log: options.log,
    beforeInstall: quit.markQuitting,
  })
  const handlers = createShellHandlers({ version: app.getVersion(), notifier, tray })
  return { currentWindow, handlers, emit }
}
