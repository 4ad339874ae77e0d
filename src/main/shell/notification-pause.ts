/** "Pause notifications for 1 hour" from the tray: shared by the tray menu and the notifier. */
export interface NotificationPause {
  isPaused(): boolean
  /** Epoch ms the pause ends, or null when notifications are on. */
  until(): number | null
  pauseFor(ms: number): void
  resume(): void
  onChange(listener: (until: number | null) => void): void
}

export const ONE_HOUR_MS = 60 * 60 * 1000

/**
 * The pause ends by itself: a responder who forgets to resume must not miss pages all night.
 * `isPaused` reads the clock too, because a timer can fire late after the machine slept.
 */
export function createNotificationPause(now: () => number = Date.now): NotificationPause {
  let until: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const listeners: ((until: number | null) => void)[] = []

  function set(next: number | null): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    until = next
    if (next !== null) {
      timer = setTimeout(() => set(null), Math.max(0, next - now()))
      timer.unref?.()
    }
    for (const listener of listeners) listener(next)
  }

  return {
    isPaused: () => until !== null && now() < until,
    until: () => (until !== null && now() < until ? until : null),
    pauseFor: (ms) => set(now() + ms),
    resume: () => set(null),
    onChange: (listener) => void listeners.push(listener),
  }
}
