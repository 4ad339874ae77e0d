import { describe, expect, it } from 'vitest'
import type { RateDomain } from '@shared/opsgenie/rate-domains'
import {
  createGovernor,
  REQUEST_PRIORITIES,
  type RequestPriority,
} from '../../../../src/main/gateway/governor'
import { FakeClock, maxInWindow, seededRandom } from './fake-clock'

type Pattern = 'burst' | 'poisson' | 'waves'
const PATTERNS: readonly Pattern[] = ['burst', 'poisson', 'waves']

/** Arrival times (ms from start) for one random traffic shape. */
function arrivals(pattern: Pattern, count: number, rnd: () => number): number[] {
  switch (pattern) {
    case 'burst':
      return Array.from({ length: count }, () => Math.floor(rnd() * 50))
    case 'poisson': {
      const meanGap = 20 + rnd() * 800
      let t = 0
      return Array.from({ length: count }, () => (t += -Math.log(1 - rnd()) * meanGap))
    }
    case 'waves': {
      const every = 500 + Math.floor(rnd() * 20_000)
      return Array.from({ length: count }, () => Math.floor(rnd() * 6) * every + rnd() * 30)
    }
  }
}

describe('governor budgets', () => {
  it('never admits more than the effective budget in any 1 s or 60 s window (random traffic)', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = seededRandom(seed)
      const clock = new FakeClock()
      const domains: RateDomain[] = ['alert', 'search']
      const budgets = {
        alert: { perSecond: 1 + Math.floor(rnd() * 8), perMinute: 5 + Math.floor(rnd() * 100) },
        search: { perSecond: 1 + Math.floor(rnd() * 8), perMinute: 5 + Math.floor(rnd() * 100) },
      }
      const safetyMargin = rnd() < 0.5 ? 1 : 0.9
      const governor = createGovernor({ clock, budgets, safetyMargin, random: rnd })
      const admitted: Record<RateDomain, number[]> = {
        alert: [],
        incident: [],
        configuration: [],
        search: [],
        'schedule-oncalls': [],
      }
      let expected = 0
      for (const domain of domains) {
        const pattern = PATTERNS[Math.floor(rnd() * PATTERNS.length)] ?? 'burst'
        for (const at of arrivals(pattern, 20 + Math.floor(rnd() * 200), rnd)) {
          const priority = REQUEST_PRIORITIES[Math.floor(rnd() * 4)] as RequestPriority
          expected++
          clock.setTimeout(() => {
            void governor.acquire(domain, priority).then(() => admitted[domain].push(clock.now()))
          }, at)
        }
      }
      await clock.runUntilIdle()
      const context = `seed ${seed}, budgets ${JSON.stringify(budgets)}, margin ${safetyMargin}`
      expect(admitted.alert.length + admitted.search.length, context).toBe(expected)
      for (const domain of domains) {
        const limits = governor.state().domains[domain]
        const times = admitted[domain]
        expect(maxInWindow(times, 1000), `${context}, ${domain}/s`).toBeLessThanOrEqual(
          limits.perSecond.effectiveLimit,
        )
        expect(maxInWindow(times, 60_000), `${context}, ${domain}/min`).toBeLessThanOrEqual(
          limits.perMinute.effectiveLimit,
        )
        expect(limits.perSecond.effectiveLimit).toBeLessThanOrEqual(
          budgets[domain as 'alert'].perSecond,
        )
      }
      governor.dispose()
    }
  })

  it('uses the whole budget when demand exceeds it, and no more', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      safetyMargin: 1,
      budgets: { incident: { perSecond: 5, perMinute: 20 } },
    })
    const times: number[] = []
    for (let i = 0; i < 45; i++) {
      void governor.acquire('incident', 'user').then(() => times.push(clock.now()))
    }
    await clock.runUntilIdle()
    // 5 per second until the minute bucket is spent, then each token returns 60 s after use
    expect(times.slice(0, 20)).toEqual([0, 1, 2, 3].flatMap((s) => Array(5).fill(s * 1000)))
    expect(times.slice(20, 40)).toEqual(times.slice(0, 20).map((t) => t + 60_000))
    expect(times.slice(40)).toEqual(Array(5).fill(120_000))
  })

  it('applies the safety margin, rounding down but never below one request', () => {
    const governor = createGovernor({
      clock: new FakeClock(),
      safetyMargin: 0.9,
      budgets: { alert: { perSecond: 1, perMinute: 100 }, search: { perSecond: 3, perMinute: 10 } },
    })
    const { alert, search } = governor.state().domains
    expect(alert.perSecond.effectiveLimit).toBe(1)
    expect(alert.perMinute.effectiveLimit).toBe(90)
    expect(search.perSecond.effectiveLimit).toBe(2)
    expect(search.perMinute.effectiveLimit).toBe(9)
  })
})
