import type { AlarmStore } from './alarm-store'
import type { Timers } from './timers'

export interface RingerDeps {
  readonly playSound: () => void
  readonly alarm: AlarmStore
  readonly timers: Timers
  readonly intervalMs: () => number
  readonly now: () => number
}

export interface Ringer {
  start(alertId: string): void
  /** `start` for each, in order, as one change of the ringing list. */
  startAll(alertIds: readonly string[]): void
  stop(alertId: string): void
  stopAll(): void
  isRinging(alertId: string): boolean
  /**
   * Holds the sound until `until` while the banner (and the tray) keep saying what rings: the
   * responder heard it and is working on it. The loop keeps going, so the sound comes back by
   * itself when the time is up and something still rings.
   */
  silence(until: number): void
}

/**
 * One loop for all ringing alerts: the sound repeats while any alert is unacknowledged, and the
 * loop ends when the last one is acknowledged or closed here or anywhere else.
 */
export function createRinger(deps: RingerDeps): Ringer {
  let timer: unknown

  const ringing = (): readonly string[] => deps.alarm.getState().ringing
  const tick = (): void => {
    const silencedUntil = deps.alarm.getState().silencedUntil
    if (silencedUntil === null || deps.now() >= silencedUntil) deps.playSound()
    timer = deps.timers.setTimeout(tick, deps.intervalMs())
  }
  const halt = (): void => {
    if (timer !== undefined) deps.timers.clearTimeout(timer)
    timer = undefined
  }

  return {
    start(alertId) {
      if (ringing().includes(alertId)) return
      deps.alarm.setState({ ringing: [...ringing(), alertId] })
      if (timer === undefined) tick()
    },
    startAll(alertIds) {
      const before = ringing()
      const known = new Set(before)
      const added = alertIds.filter((id) => !known.has(id) && known.add(id))
      if (added.length === 0) return
      deps.alarm.setState({ ringing: [...before, ...added] })
      if (timer === undefined) tick()
    },
    stop(alertId) {
      if (!ringing().includes(alertId)) return
      const rest = ringing().filter((id) => id !== alertId)
      deps.alarm.setState({ ringing: rest })
      if (rest.length === 0) {
        deps.alarm.setState({ silencedUntil: null })
        halt()
      }
    },
    stopAll() {
      deps.alarm.setState({ ringing: [], silencedUntil: null })
      halt()
    },
    silence(until) {
      if (ringing().length > 0) deps.alarm.setState({ silencedUntil: until })
    },
    isRinging: (alertId) => ringing().includes(alertId),
  }
}
