import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { observed } from '../../../../../src/main/gateway/provider/jsm/rate-limit'
import type { RunningJsmSimulator } from '../../../../../src/simulator/jsm/index'
import { jsmProviderFor, startJsm } from './support'

/** Atlassian's rate limiting reaches the governor: a 429 waits Retry-After, a low remainder eases. */
let sim: RunningJsmSimulator
beforeAll(async () => {
  sim = await startJsm()
})
afterAll(async () => sim.close())

describe('JSM rate limiting and the governor', () => {
  it('a 429 answers throttled until Retry-After and closes the domain in the governor for that long', async () => {
    const { provider, governor } = jsmProviderFor(sim)
    const first = [...sim.state.alerts.values()][0]?.id ?? ''
    sim.setRateLimit({ limit: 1, windowMs: 30_000 })
    try {
      await provider.alerts.acknowledge({ alertId: first, by: 'id' })
      const before = Date.now()
      const refused = await provider.alerts.unacknowledge({ alertId: first, by: 'id' })
      expect(refused.status).toBe('throttled')
      if (refused.status !== 'throttled') return
      // Retry-After is the rest of the 30 s window: between 1 and 30 s from now
      expect(refused.retryAt - before).toBeGreaterThan(1_000)
      expect(refused.retryAt - before).toBeLessThanOrEqual(31_000)
      const alert = governor.state().domains.alert
      expect(alert?.throttledUntil).not.toBeNull()
      expect((alert?.throttledUntil ?? 0) - before).toBeGreaterThan(1_000)
    } finally {
      sim.setRateLimit({ limit: 100_000, windowMs: 60_000 })
      governor.dispose()
    }
  })

  it('reads the headers: Retry-After first, X-RateLimit-Reset else; under a tenth left is pressure', () => {
    const now = Date.parse('2026-12-06T12:00:00Z')
    expect(observed('alert', 429, new Headers({ 'retry-after': '7' }), now)).toEqual({
      domain: 'alert',
      status: 429,
      rateLimit: { state: 'THROTTLED', periodSeconds: 7 },
    })
    expect(
      observed('alert', 429, new Headers({ 'x-ratelimit-reset': '2026-12-06T12:00:12Z' }), now)
        .rateLimit,
    ).toEqual({ state: 'THROTTLED', periodSeconds: 12 })
    const low = new Headers({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '5',
      'x-ratelimit-reset': '2026-12-06T12:00:30Z',
    })
    expect(observed('search', 200, low, now).rateLimit).toEqual({
      state: 'WARNING',
      periodSeconds: 30,
    })
    const plenty = new Headers({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '50' })
    expect(observed('search', 200, plenty, now)).toEqual({ domain: 'search', status: 200 })
  })
})
