import type { Clock } from '../../../../src/main/gateway/governor'

interface Timer {
  readonly at: number
  readonly seq: number
  readonly callback: () => void
}

/** Lets every promise callback queued so far run (microtasks drain before setImmediate). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * A manual clock for the governor's tests. `advance` fires due timers in time order, setting
 * `now()` to each timer's time and flushing promise callbacks after each, so code awaiting an
 * admission observes the time at which it was admitted.
 */
export class FakeClock implements Clock {
  private time: number
  private seq = 0
  private timers: Timer[] = []

  constructor(start = 1_000_000) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  get pendingTimers(): number {
    return this.timers.length
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms)
  }

  async advanceTo(target: number): Promise<void> {
    await flush()
    for (;;) {
      const next = this.nextTimer()
      if (next === undefined || next.at > target) break
      this.timers = this.timers.filter((t) => t !== next)
      this.time = Math.max(this.time, next.at)
      next.callback()
      await flush()
    }
    this.time = Math.max(this.time, target)
  }

  /** Fires timers until none are left; throws past `limitMs` so a livelock fails the test. */
  async runUntilIdle(limitMs = 3_600_000): Promise<void> {
    const deadline = this.time + limitMs
    await flush()
    for (;;) {
      const next = this.nextTimer()
      if (next === undefined) return
      if (next.at > deadline)
        throw new Error(`fake clock: timers still pending after ${limitMs} ms`)
      await this.advanceTo(next.at)
    }
  }

  private nextTimer(): Timer | undefined {
    let best: Timer | undefined
    for (const t of this.timers) {
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t
    }
    return best
  }
}

/** A small seeded PRNG (mulberry32) so property-style tests are reproducible from their seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Largest number of times inside any window (t - periodMs, t]; times must be sorted. */
export function maxInWindow(times: readonly number[], periodMs: number): number {
  let worst = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    while ((times[start] ?? Infinity) + periodMs <= (times[end] ?? 0)) start++
    worst = Math.max(worst, end - start + 1)
  }
  return worst
}
