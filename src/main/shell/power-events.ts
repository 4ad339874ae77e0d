import { powerMonitor } from 'electron'
import type { EmitEvent } from './renderer-events'

/**
 * After sleep the relay stream is dead and webhooks may have been missed: the renderer
 * reconnects and reconciles on `app:resumed`. 'resume' and 'unlock-screen' usually fire
 * together, so they are coalesced into one reconciliation.
 */
export function emitResumes(
  emit: EmitEvent,
  now: () => number = Date.now,
  coalesceMs = 5_000,
): void {
  let last = Number.NEGATIVE_INFINITY
  const onWake = (): void => {
    const at = now()
    if (at - last < coalesceMs) return
    last = at
    emit('app:resumed', { at })
  }
  powerMonitor.on('resume', onWake)
  powerMonitor.on('unlock-screen', onWake)
}
