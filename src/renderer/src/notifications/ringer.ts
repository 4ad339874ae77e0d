import type { AlarmStore } from './alarm-store'
import type { Timers } from './timers'

export interface RingerDeps {
  readonly playSound: () => void
  readonly alarm: AlarmStore
  readonly timers: Timers
  readonly intervalMs: () => number
}

export interface Ringer {
  start(alertId: string): void
  stop(alertId: string): void
  stopAll(): void
  isRinging(alertId: string): boolean
}

/**
 * One loop for all ringing alerts: the sound repeats while any alert is unacknowledged, and the
 * loop ends when the last one is acknowledged or closed here or anywhere else.
 */
export function createRinger(deps: RingerDeps): Ringer {
  let timer: unknown

  const ringing = (): readonly string[] => deps.alarm.getState().ringing
  const tick = (): void => {
    deps.playSound()
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
    stop(alertId) {
      if (!ringing().includes(alertId)) return
      const rest = ringing().filter((id) => id !== alertId)
      deps.alarm.setState({ ringing: rest })
      if (rest.length === 0) halt()
    },
    stopAll() {
      deps.alarm.setState({ ringing: [] })
      halt()
    },
    isRinging: (alertId) => ringing().includes(alertId),
  }
}
