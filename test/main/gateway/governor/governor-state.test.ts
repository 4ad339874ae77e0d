import { describe, expect, it } from 'vitest'
import {
  createGovernor,
  GovernorState,
  type GovernorState as State,
} from '../../../../src/main/gateway/governor'
import { FakeClock } from './fake-clock'

describe('governor state', () => {
  it('starts full and idle for every domain, as a plain serialisable object', () => {
    const governor = createGovernor({ clock: new FakeClock(5000), safetyMargin: 1 })
    const state = governor.state()
    expect(state.at).toBe(5000)
    expect(Object.keys(state.domains)).toEqual([
      'alert',
      'incident',
      'configuration',
      'search',
      'schedule-oncalls',
    ])
    expect(state.domains.alert).toEqual({
      perSecond: {
        periodSeconds: 1,
        limit: 5,
        effectiveLimit: 5,
        tokens: 5,
        rateFactor: 1,
        throttledUntil: null,
      },
      perMinute: {
        periodSeconds: 60,
        limit: 120,
        effectiveLimit: 120,
        tokens: 120,
        rateFactor: 1,
        throttledUntil: null,
      },
      throttledUntil: null,
      lastReason: null,
      lastThrottledAt: null,
      lastSuccessAt: null,
      queued: { user: 0, replay: 0, sync: 0, import: 0 },
    })
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
    expect(GovernorState.parse(structuredClone(state))).toEqual(state)
  })

  it('reflects tokens, throttled-until, last reason and queue lengths as they change', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      random: () => 0,
      safetyMargin: 1,
      budgets: { incident: { perSecond: 2, perMinute: 10 } },
    })
    await governor.acquire('incident', 'user')
    expect(governor.state().domains.incident.perSecond.tokens).toBe(1)
    expect(governor.state().domains.incident.perMinute.tokens).toBe(9)

    governor.reportThrottled('incident', { periodSeconds: 1, reason: 'ACCOUNT' })
    void governor.acquire('incident', 'sync')
    void governor.acquire('incident', 'import')
    void governor.acquire('incident', 'import')
    const incident = governor.state().domains.incident
    expect(incident.throttledUntil).toBe(1000)
    expect(incident.perSecond.throttledUntil).toBe(1000)
    expect(incident.perMinute.throttledUntil).toBeNull()
    expect(incident.lastReason).toBe('ACCOUNT')
    expect(incident.lastThrottledAt).toBe(0)
    expect(incident.queued).toEqual({ user: 0, replay: 0, sync: 1, import: 2 })

    await clock.advanceTo(1000)
    const after = governor.state().domains.incident
    expect(after.throttledUntil).toBeNull()
    expect(after.perSecond.effectiveLimit).toBe(1) // halved from 2
    expect(after.queued).toEqual({ user: 0, replay: 0, sync: 0, import: 2 })
    expect(after.perMinute.tokens).toBe(8)
  })

  it('notifies subscribers on each change until they unsubscribe', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      random: () => 0,
      safetyMargin: 1,
      budgets: { search: { perSecond: 1, perMinute: 60 } },
    })
    const seen: State[] = []
    const unsubscribe = governor.subscribe((s) => seen.push(s))
    void governor.acquire('search', 'sync')
    void governor.acquire('search', 'sync')
    expect(seen.map((s) => s.domains.search.queued.sync)).toEqual([0, 1])
    await clock.advance(1000)
    expect(seen.at(-1)?.domains.search.queued.sync).toBe(0)
    governor.reportThrottled('search', { periodSeconds: 60, reason: 'ACCOUNT' })
    expect(seen.at(-1)?.domains.search).toMatchObject({
      lastReason: 'ACCOUNT',
      throttledUntil: 61_000,
    })
    const count = seen.length
    unsubscribe()
    governor.reportSuccess('search')
    void governor.acquire('search', 'user')
    expect(seen).toHaveLength(count)
    expect(governor.state().domains.search.lastSuccessAt).toBe(1000)
  })

  it('keeps admitting when a listener throws', async () => {
    const governor = createGovernor({ clock: new FakeClock() })
    governor.subscribe(() => {
      throw new Error('listener bug')
    })
    const errors: unknown[] = []
    const onError = (error: unknown): void => void errors.push(error)
    process.on('uncaughtException', onError)
    try {
      await governor.acquire('alert', 'user')
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('uncaughtException', onError)
    }
    expect(governor.state().domains.alert.perMinute.tokens).toBe(107)
    expect(errors).toEqual([new Error('listener bug')])
  })
})
