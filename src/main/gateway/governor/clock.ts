import type { Clock } from '@shared/clock'

/**
 * Real time from the monotonic clock anchored at process start, so a wall-clock change (NTP, a
 * user moving the clock back) cannot make spent tokens look like they are in the future. The
 * values stay epoch-like, so `throttledUntil` can be shown as a time of day.
 */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  },
}
