import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/simulator/rate-limiter'

describe('RateLimiter', () => {
  it('throttles on the per-second bucket first, then refills it', () => {
    let now = 0
    const limiter = new RateLimiter({ alert: { perMinute: 100, perSecond: 2 } }, () => now)
    expect(limiter.take('alert')).toEqual({ ok: true })
    expect(limiter.take('alert')).toEqual({ ok: true })
    expect(limiter.take('alert')).toEqual({ ok: false, periodInSec: 1 })
    now = 500
    expect(limiter.take('alert')).toEqual({ ok: true })
    expect(limiter.take('alert')).toEqual({ ok: false, periodInSec: 1 })
  })

  it('reports the per-minute bucket with period 60 and keeps domains apart', () => {
    let now = 0
    const limiter = new RateLimiter({ search: { perMinute: 3, perSecond: 100 } }, () => now)
    for (let i = 0; i < 3; i += 1) expect(limiter.take('search').ok).toBe(true)
    expect(limiter.take('search')).toEqual({ ok: false, periodInSec: 60 })
    expect(limiter.take('alert').ok).toBe(true)
    now = 20_000
    expect(limiter.take('search').ok).toBe(true)
  })

  it('refuses budgets that could never admit a request', () => {
    expect(() => new RateLimiter({ incident: { perMinute: 0, perSecond: 1 } })).toThrow(
      "rate budget for 'incident'",
    )
  })
})
