import { app, globalShortcut } from 'electron'
import type { EmitEvent } from './renderer-events'
import type { ShellLog } from './log'

/** The key that acknowledges what rings from any application; the renderer's banner names it. */
export const RING_SHORTCUT = 'CommandOrControl+Shift+A'

export interface RingShortcutDeps {
  readonly emit: EmitEvent
  readonly log: Pick<ShellLog, 'warn'>
}

export interface RingShortcut {
  /** Follows the renderer's `ringing` (from `tray:setStatus`): held only while something rings. */
  update(ringing: boolean): void
}

/**
 * A global shortcut that acknowledges what rings, without finding the window first. It is
 * registered only while an alarm rings, so Ondeck never holds a system-wide key the rest of the
 * time, and the renderer decides what "what rings" is (`notifications:acknowledgeRinging`).
 * Another application may hold the key; then the window's own `a` still works and the log says so.
 */
export function createRingShortcut(deps: RingShortcutDeps): RingShortcut {
  let held = false
  const release = (): void => {
    if (!held) return
    globalShortcut.unregister(RING_SHORTCUT)
    held = false
  }
  app.on('will-quit', release)
  return {
    update(ringing) {
      if (!ringing) return release()
      if (held) return
      held = globalShortcut.register(RING_SHORTCUT, () =>
        deps.emit('notifications:acknowledgeRinging', { at: Date.now() }),
      )
      if (!held) deps.log.warn(`${RING_SHORTCUT} is taken by another application`)
    },
  }
}
