import { describe, expect, it } from 'vitest'
import { backoffDelay, createBackoff } from '../../src/shared/backoff'

const take = (n: number, next: () => number): number[] => Array.from({ length: n }, next)

describe('backoff', () => {
  it('doubles from initialMs up to the cap without jitter', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1_000, jitter: 0 })
    expect(take(7, b.next)).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000])
  })

  it('jitters each delay within [base * (1 - jitter), base]', () => {
    const low = createBackoff({ initialMs: 100, maxMs: 1_000, jitter: 0.5 }, () => 0.999999)
    const high = createBackoff({ initialMs: 100, maxMs: 1_000, jitter: 0.5 }, () => 0)
    expect(take(5, low.next)).toEqual([50, 100, 200, 400, 500])
    expect(take(5, high.next)).toEqual([100, 200, 400, 800, 1_000])
    const random = createBackoff({ initialMs: 100, maxMs: 1_000 })
    for (const [i, delay] of take(50, random.next).entries()) {
      const base = Math.min(1_000, 100 * 2 ** i)
      expect(delay).toBeGreaterThanOrEqual(base / 2)
      expect(delay).toBeLessThanOrEqual(base)
    }
  })

  it('starts over after reset', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 10_000, jitter: 0 })
    take(4, b.next)
    b.reset()
    expect(b.next()).toBe(100)
  })

  it('never overflows into Infinity or NaN after many failures', () => {
    const b = createBackoff({ initialMs: 1_000, maxMs: 60_000, jitter: 0 })
    expect(take(5_000, b.next).at(-1)).toBe(60_000)
  })

  it('refuses settings that make no sense, naming the setting', () => {
    expect(() => createBackoff({ initialMs: 0, maxMs: 10 })).toThrow(/initialMs/)
    expect(() => createBackoff({ initialMs: 100, maxMs: 10 })).toThrow(/maxMs/)
    expect(() => createBackoff({ initialMs: 1, maxMs: 10, jitter: 2 })).toThrow(/jitter/)
    expect(() => createBackoff({ initialMs: 1, maxMs: 10, multiplier: 0.5 })).toThrow(/multiplier/)
  })

  it('with full jitter (the outbox) stays within [0, min(cap, base * 2^attempt)] for every attempt', () => {
    const full = { initialMs: 100, maxMs: 1_000, jitter: 1 }
    for (let attempt = 0; attempt < 2_000; attempt++) {
      const ceiling = Math.min(1_000, 100 * 2 ** attempt)
      expect(backoffDelay(attempt, full, () => 0)).toBe(ceiling)
      expect(backoffDelay(attempt, full, () => 0.999999)).toBeLessThanOrEqual(1)
    }
  })

  it('spreads retries: full jitter uses the whole interval', () => {
    const full = { initialMs: 100, maxMs: 1_000, jitter: 1 }
    const delays = [0.1, 0.5, 0.9].map((r) => backoffDelay(3, full, () => r))
    expect(delays).toEqual([720, 400, 80])
  })
})
