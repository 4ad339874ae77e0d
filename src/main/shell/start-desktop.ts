import { app, type BrowserWindow, type WebFrameMain } from 'electron'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { openActionQueue } from './action-queue'
import { createAttention } from './attention'
import { reloadOnCrash } from './crash-recovery'
import type { ShellLog } from './log'
import { createNotificationPause } from './notification-pause'
import { createNotifier } from './notifier'
import { emitResumes } from './power-events'
import { actionsTo, eventsTo, type ActionDelivery, type EmitEvent } from './renderer-events'
import { resourcePath } from './resources'
import { createShellHandlers, type ShellHandlers } from './shell-handlers'
import { createLoginItem, type LoginItem } from './login-item'
import { createRingingState, type RingingState } from './ringing'
import { createRingShortcut } from './ring-shortcut'
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
  /** The command line: `--hidden` means a login start (see `login-item.ts`). */
  readonly argv?: readonly string[]
  readonly platform?: NodeJS.Platform
  /** Linux login starts: the XDG autostart folder and what to run (see `linuxAutostartFor`). */
  readonly linuxAutostart?: { readonly dir: string; readonly exec: string }
}

/**
 * Where a packaged Linux app registers its login start: `$XDG_CONFIG_HOME/autostart` running the
 * AppImage (`$APPIMAGE`) or the installed binary. None in development: it would start bare Electron.
 */
export function linuxAutostartFor(
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
  execPath: string,
): { dir: string; exec: string } | undefined {
  if (!isPackaged) return undefined
  const config = env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config')
  return { dir: join(config, 'autostart'), exec: env['APPIMAGE'] ?? execPath }
}

export interface DesktopShell {
  currentWindow(): BrowserWindow | undefined
  readonly handlers: ShellHandlers
  readonly emit: EmitEvent
  /** The notification-action hand-off, for the IPC binding. */
  readonly actions: ActionDelivery
  /** True only for the current window's main frame at the app origin: the one IPC sender. */
  isAppFrame(frame: WebFrameMain | null | undefined): boolean
  /** Launch at login; `workspaceConnected()` turns it on the first time. */
  readonly loginItem: LoginItem
  /** Whether an alarm rings, as the renderer last said. */
  readonly ringing: RingingState
}

export const ACTION_QUEUE_FILE = 'notification-actions.jsonl'
export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json'

/** Everything the desktop app owns besides IPC, wired once the app is ready. */
export function startDesktopShell(options: DesktopOptions): DesktopShell {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  const quit = trackQuitting()
  const platform = options.platform ?? process.platform
  const loginItem = createLoginItem({
    settingsFile: join(options.userDataDir, DESKTOP_SETTINGS_FILE),
    argv: options.argv ?? process.argv,
    platform,
    ...(options.linuxAutostart !== undefined ? { linuxAutostart: options.linuxAutostart } : {}),
  })
  // Only the first window of a login start stays hidden; one reopened later shows.
  let show = !loginItem.startHidden
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow(options.devServerUrl, { show })
    show = true
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
    ...(loginItem.supported ? { loginItem } : {}),
    platform,
  })
  const ringing = createRingingState()
  const attention = createAttention({
    window: currentWindow,
    iconPath: (file) => resourcePath('tray', file),
    platform,
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
    ringing,
  })
  const handlers = createShellHandlers({
    version: app.getVersion(),
    notifier,
    tray,
    attention,
    ringing,
    ringShortcut: createRingShortcut({ emit, log: options.log }),
  })
  return { currentWindow, handlers, emit, actions, isAppFrame, loginItem, ringing }
}
