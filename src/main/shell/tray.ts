import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron'
import type { TrayStatus } from '../../shared/ipc/schemas'
import { ONE_HOUR_MS, type NotificationPause } from './notification-pause'
import type { LoginItem } from './login-item'
import { ringingBadge, trayIconFile, trayTooltip } from './tray-status'

export interface TrayDeps {
  readonly pause: NotificationPause
  readonly reveal: () => void
  readonly quit: () => void
  /** The path of an icon file in `resources/tray/`. */
  readonly iconPath: (file: string) => string
  /** The "Open at login" switch; absent where the OS has none Electron can set. */
  readonly loginItem?: Pick<LoginItem, 'enabled' | 'set' | 'onChange'>
  readonly platform?: NodeJS.Platform
}

export interface ShellTray {
  setStatus(status: TrayStatus): void
  destroy(): void
}

/** Until the renderer reports, the honest state is "not connected yet". */
const INITIAL: TrayStatus = { state: 'offline', openAlerts: 0, queuedCommands: 0 }

/** macOS shows text beside the menu-bar icon: how many alerts ring, nothing when none does. */
export function trayTitle(status: TrayStatus): string {
  const count = ringingBadge(status)
  return count > 0 ? String(count) : ''
}

/**
 * The tray draws what the renderer decided (it owns the cache); main keeps only the last status
 * so the tooltip can be redrawn when a pause starts or ends.
 */
export function createTray(deps: TrayDeps): ShellTray {
  let status = INITIAL
  const icon = (state: TrayStatus['state']) =>
    nativeImage.createFromPath(deps.iconPath(trayIconFile(state)))
  const tray = new Tray(icon(status.state))
  tray.on('click', deps.reveal)

  function redraw(): void {
    tray.setImage(icon(status.state))
    tray.setToolTip(trayTooltip(status, deps.pause.until()))
    if ((deps.platform ?? process.platform) === 'darwin') tray.setTitle(trayTitle(status))
    tray.setContextMenu(Menu.buildFromTemplate(menu()))
  }

  function menu(): MenuItemConstructorOptions[] {
    const pauseItem: MenuItemConstructorOptions = deps.pause.isPaused()
      ? { label: 'Resume notifications', click: () => deps.pause.resume() }
      : { label: 'Pause notifications for 1 hour', click: () => deps.pause.pauseFor(ONE_HOUR_MS) }
    const login = deps.loginItem
    const loginItems: MenuItemConstructorOptions[] =
      login === undefined
        ? []
        : [
            {
              label: 'Open at login',
              type: 'checkbox',
              checked: login.enabled(),
              click: () => login.set(!login.enabled()),
            },
          ]
    return [
      { label: 'Open', click: deps.reveal },
      pauseItem,
      ...loginItems,
      { type: 'separator' },
      { label: 'Quit', click: deps.quit },
    ]
  }

  deps.pause.onChange(redraw)
  deps.loginItem?.onChange(redraw)
  redraw()
  return {
    setStatus(next) {
      status = next
      redraw()
    },
    destroy: () => tray.destroy(),
  }
}
