import { describe, expect, it } from 'vitest'
import type { RateDomain } from '@shared/opsgenie/rate-domains'
import {
  createGovernor,
  type Governor,
  type RequestPriority,
} from '../../../../src/main/gateway/governor'
import { FakeClock } from './fake-clock'

/** Records admissions as `priority#n` in the order they happen. */
function recorder(governor: Governor) {
  const order: string[] = []
  const queue = (domain: RateDomain, priority: RequestPriority, count: number): void => {
    for (let i = 0; i < count; i++) {
      void governor.acquire(domain, priority).then(() => order.push(`${priority}#${i}`))
    }
  }
  return { order, queue }
}

describe('governor priorities', () => {
  it('lets user requests overtake queued import and sync work in the same domain', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      safetyMargin: 1,
      budgets: { alert: { perSecond: 1, perMinute: 1000 } },
    })
    const { order, queue } = recorder(governor)
    queue('alert', 'import', 5)
    queue('alert', 'sync', 2)
    await clock.advance(500)
    queue('alert', 'user', 2)
    queue('alert', 'replay', 1)
    await clock.runUntilIdle()
    expect(order).toEqual([
      'import#0', // admitted before anything else was waiting
      'user#0',
      'user#1',
      'replay#0',
      'sync#0',
      'sync#1',
      'import#1',
      'import#2',
      'import#3',
      'import#4',
    ])
  })

  it('keeps part of the minute budget from background work so a user action still goes at once', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      safetyMargin: 1,
      budgets: { search: { perSecond: 100, perMinute: 20 } },
    })
    const { order, queue } = recorder(governor)
    queue('search', 'import', 20)
    await clock.advance(10)
    expect(order).toHaveLength(15) // import leaves 25% of the minute bucket
    queue('search', 'sync', 4)
    await clock.advance(10)
    expect(order.slice(15)).toEqual(['sync#0', 'sync#1', 'sync#2']) // sync leaves 10%
    queue('search', 'user', 2)
    await clock.advance(10)
    expect(order.slice(18)).toEqual(['user#0', 'user#1'])
    expect(governor.state().domains.search.queued).toEqual({
      user: 0,
      replay: 0,
      sync: 1,
      import: 5,
    })
  })

  it('keeps domains independent: a spent or throttled domain does not delay another', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      safetyMargin: 1,
      budgets: { alert: { perSecond: 1, perMinute: 1 }, incident: { perSecond: 1, perMinute: 1 } },
    })
    const { order, queue } = recorder(governor)
    queue('alert', 'user', 3)
    governor.reportThrottled('search', { periodSeconds: 60 })
    queue('incident', 'import', 1)
    queue('configuration', 'import', 1)
    await clock.advance(1)
    expect(order).toEqual(['user#0', 'import#0', 'import#0'])
    expect(governor.state().domains.alert.queued.user).toBe(2)
    expect(governor.state().domains.incident.throttledUntil).toBeNull()
  })
})
