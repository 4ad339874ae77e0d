import { app, type BrowserWindow, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { openActionQueue } from './action-queue'
import { reloadOnCrash } from './crash-recovery'
import type { ShellLog } from './log'
import { createNotificationPause } from './notification-pause'
import { createNotifier } from './notifier'
import { emitResumes } from './power-events'
import { actionsTo, eventsTo, type ActionDelivery, type EmitEvent } from './renderer-events'
import { resourcePath } from './resources'
import { createShellHandlers, type ShellHandlers } from './shell-handlers'
import { createTray } from './tray'
import { checkForUpdatesOnStart } from './updater'
import { createMainWindow, isWindowAppFrame } from './window'
import { hideOnClose, revealWindow, trackQuitting } from './window-lifecycle'

/** Must match `appId` in electron-builder.json: Windows routes notifications by it. */
export const APP_ID = 'app.ondeck.desktop'

export interface DesktopOptions {
  /** Only from `devServerUrlFrom`: never set in a packaged app. */
  readonly devServerUrl: string | undefined
  /** userData: where notification actions wait for a page (see `actionsTo`). */
  readonly userDataDir: string
  readonly updateFeedUrl: string | undefined
  readonly log: ShellLog
}

export interface DesktopShell {
  currentWindow(): BrowserWindow | undefined
  readonly handlers: ShellHandlers
  readonly emit: EmitEvent
  /** The notification-action hand-off, for the IPC binding. */
  readonly actions: ActionDelivery
  /** True only for the current window's main frame at the app origin: the one IPC sender. */
  isAppFrame(frame: WebFrameMain | null | undefined): boolean
}

export const ACTION_QUEUE_FILE = 'notification-actions.jsonl'

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
  const queue = openActionQueue({
    file: join(options.userDataDir, ACTION_QUEUE_FILE),
    log: options.log,
  })
  const actions = actionsTo(currentWindow, queue)
  const isAppFrame = (frame: WebFrameMain | null | undefined): boolean =>
    isWindowAppFrame(currentWindow(), frame, options.devServerUrl)

  const pause = createNotificationPause()
  pause.onChange((until) => emit('notifications:paused', { until }))
  const tray = createTray({
    pause,
    reveal,
    quit: () => app.quit(),
    iconPath: (file) => resourcePath('tray', file),
  })
  const notifier = createNotifier({ pause, deliver: actions.deliver, reveal, log: options.log })
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
  return { currentWindow, handlers, emit, actions, isAppFrame }
}
