import { app, nativeImage, type BrowserWindow } from 'electron'
import type { TrayStatus } from '../../shared/ipc/schemas'
import { ringingBadge } from './tray-status'

export interface AttentionDeps {
  readonly window: () => BrowserWindow | undefined
  /** The path of an icon file in `resources/tray/`. */
  readonly iconPath: (file: string) => string
  readonly platform?: NodeJS.Platform
}

export interface Attention {
  /** Redraws the badge and starts or stops the bounce/flash from the renderer's status. */
  update(status: TrayStatus): void
}

/**
 * The OS's ways of saying "look here", driven by the status the renderer reports with the tray:
 * the count of alerts that ring unacknowledged (`ringingBadge`) as a badge (the dock on macOS, the launcher on Linux
 * Unity, an overlay on the Windows taskbar button), and while an alarm rings a critical dock
 * bounce (macOS, until cancelled) or a flashing taskbar button (Windows, Linux), stopped the
 * moment ringing stops. Only transitions touch the OS.
 */
export function createAttention(deps: AttentionDeps): Attention {
  const platform = deps.platform ?? process.platform
  let badge = 0
  let ringing = false
  let bounceId: number | undefined

  function drawBadge(count: number): void {
    if (platform === 'win32') {
      const window = deps.window()
      if (window === undefined) return
      const label = `${count} alert${count === 1 ? '' : 's'} ringing, unacknowledged`
      if (count > 0)
        window.setOverlayIcon(nativeImage.createFromPath(deps.iconPath('p1.png')), label)
      else window.setOverlayIcon(null, '')
      return
    }
    // macOS' dock and Unity's launcher; elsewhere Electron answers false and nothing shows.
    app.setBadgeCount(count)
  }

  function ring(on: boolean): void {
    if (platform === 'darwin') {
      if (on) bounceId = app.dock?.bounce('critical')
      else if (bounceId !== undefined) {
        app.dock?.cancelBounce(bounceId)
        bounceId = undefined
      }
      return
    }
    deps.window()?.flashFrame(on)
  }

  return {
    update(status) {
      const count = ringingBadge(status)
      if (count !== badge) drawBadge(count)
      badge = count
      const next = status.ringing ?? false
      if (next !== ringing) ring(next)
      ringing = next
    },
  }
}
