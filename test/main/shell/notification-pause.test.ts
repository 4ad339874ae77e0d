import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNotificationPause, ONE_HOUR_MS } from '../../../src/main/shell/notification-pause'

describe('notification pause', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }))
  afterEach(() => vi.useRealTimers())

  it('pauses until a time, reports changes, and resumes on demand', () => {
    const pause = createNotificationPause()
    const changes: (number | null)[] = []
    pause.onChange((until) => changes.push(until))
    expect(pause.isPaused()).toBe(false)
    pause.pauseFor(ONE_HOUR_MS)
    expect(pause.isPaused()).toBe(true)
    expect(pause.until()).toBe(Date.now() + ONE_HOUR_MS)
    pause.resume()
    expect(pause.isPaused()).toBe(false)
    expect(changes).toEqual([1_700_000_000_000 + ONE_HOUR_MS, null])
  })

  it('ends by itself after the hour and says so', () => {
    const pause = createNotificationPause()
    const changes: (number | null)[] = []
    pause.onChange((until) => changes.push(until))
    pause.pauseFor(ONE_HOUR_MS)
    vi.advanceTimersByTime(ONE_HOUR_MS - 1)
    expect(pause.isPaused()).toBe(true)
    vi.advanceTimersByTime(1)
    expect(pause.isPaused()).toBe(false)
    expect(changes.at(-1)).toBeNull()
  })

  it('is over when the clock says so, even if the timer is late (after sleep)', () => {
    let now = 0
    const pause = createNotificationPause(() => now)
    pause.pauseFor(1000)
    now = 1000
    expect(pause.isPaused()).toBe(false)
    expect(pause.until()).toBeNull()
  })
})
