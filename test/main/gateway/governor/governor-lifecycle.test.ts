import { describe, expect, it } from 'vitest'
import type { RateDomain } from '@shared/opsgenie/rate-domains'
import {
  AcquireAbortedError,
  createGovernor,
  GovernorDisposedError,
  type RequestPriority,
} from '../../../../src/main/gateway/governor'
import { FakeClock } from './fake-clock'

const oneAtATime = { alert: { perSecond: 1, perMinute: 60 } }

describe('governor cancellation and lifecycle', () => {
  it('rejects an aborted acquire clearly and gives its slot to the next waiter', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, safetyMargin: 1, budgets: oneAtATime })
    await governor.acquire('alert', 'user')
    const controller = new AbortController()
    const aborted = governor.acquire('alert', 'user', controller.signal)
    let nextAt: number | undefined
    void governor.acquire('alert', 'sync').then(() => (nextAt = clock.now()))
    expect(governor.state().domains.alert.queued).toMatchObject({ user: 1, sync: 1 })

    controller.abort(new Error('window closed'))
    const error: unknown = await aborted.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AcquireAbortedError)
    expect(error).toMatchObject({
      name: 'AbortError',
      message: expect.stringMatching(/user request for domain "alert" was aborted/),
      cause: new Error('window closed'),
    })
    expect(governor.state().domains.alert.queued).toMatchObject({ user: 0, sync: 1 })
    await clock.runUntilIdle()
    expect(nextAt).toBe(1000)
    expect(governor.state().domains.alert.perMinute.tokens).toBe(58)
  })

  it('rejects at once, taking no token, when the signal is already aborted', async () => {
    const governor = createGovernor({ clock: new FakeClock(), safetyMargin: 1 })
    await expect(governor.acquire('search', 'import', AbortSignal.abort())).rejects.toThrow(
      AcquireAbortedError,
    )
    expect(governor.state().domains.search.perSecond.tokens).toBe(3)
  })

  it('ignores an abort after admission', async () => {
    const governor = createGovernor({ clock: new FakeClock() })
    const controller = new AbortController()
    await governor.acquire('alert', 'user', controller.signal)
    controller.abort()
    expect(governor.state().domains.alert.queued.user).toBe(0)
  })

  it('rejects waiting and later acquires once disposed, and stops its timers', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, safetyMargin: 1, budgets: oneAtATime })
    await governor.acquire('alert', 'user')
    const waiting = governor.acquire('alert', 'import')
    expect(clock.pendingTimers).toBe(1)
    governor.dispose()
    await expect(waiting).rejects.toThrow(GovernorDisposedError)
    await expect(governor.acquire('alert', 'user')).rejects.toThrow(/disposed/)
    expect(clock.pendingTimers).toBe(0)
  })

  it('names an unknown domain or priority', async () => {
    const governor = createGovernor({ clock: new FakeClock() })
    await expect(governor.acquire('alerts' as RateDomain, 'user')).rejects.toThrow(
      /unknown domain "alerts"/,
    )
    await expect(governor.acquire('alert', 'urgent' as RequestPriority)).rejects.toThrow(
      /unknown priority "urgent"/,
    )
    expect(() => createGovernor({ safetyMargin: 1.5 })).toThrow(/safetyMargin/)
    expect(() => createGovernor({ tuning: { decreaseFactor: 1 } })).toThrow(/decreaseFactor/)
    expect(() =>
      createGovernor({ tuning: { reserve: { user: 0.5, replay: 0, sync: 0, import: 0 } } }),
    ).toThrow(/must not decrease/)
  })

  it('applies new budgets at runtime, admitting waiters a higher limit allows', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, safetyMargin: 1, budgets: oneAtATime })
    const admitted: number[] = []
    for (let i = 0; i < 3; i++) void governor.acquire('alert', 'user').then(() => admitted.push(i))
    await clock.advance(10)
    expect(admitted).toEqual([0])
    governor.setBudgets({ alert: { perSecond: 3, perMinute: 60 } })
    await clock.advance(0)
    expect(admitted).toEqual([0, 1, 2])
    expect(() => governor.setBudgets({ alert: { perSecond: 0, perMinute: 60 } })).toThrow(
      /invalid rate budget for domain "alert": perSecond must be a positive integer/,
    )
    expect(() =>
      governor.setBudgets({ heartbeat: { perSecond: 1, perMinute: 1 } } as never),
    ).toThrow(/unknown rate domain "heartbeat"/)
  })

  it('runs a request: reports success, reports a 429 and returns its result, rethrows errors', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0 })
    const classify = (r: { ok: boolean; value?: number }) =>
      r.ok && r.value === 429 ? { throttled: { periodSeconds: 60, reason: 'ACCOUNT' } } : {}

    await expect(governor.run('alert', 'user', async () => 200, classify)).resolves.toBe(200)
    expect(governor.state().domains.alert.lastSuccessAt).toBe(0)

    await expect(governor.run('alert', 'user', async () => 429, classify)).resolves.toBe(429)
    expect(governor.state().domains.alert).toMatchObject({
      throttledUntil: 60_000,
      lastReason: 'ACCOUNT',
    })

    const failing = governor.run(
      'incident',
      'sync',
      () => Promise.reject(new Error('boom')),
      classify,
    )
    await expect(failing).rejects.toThrow('boom')
    expect(governor.state().domains.incident.lastSuccessAt).toBeNull()
  })

  it('never lets a clock stepping back reopen spent tokens', async () => {
    const clock = new FakeClock(10_000)
    const governor = createGovernor({ clock, safetyMargin: 1, budgets: oneAtATime })
    await governor.acquire('alert', 'user')
    clock.now = () => 5_000
    expect(governor.state().domains.alert.perSecond.tokens).toBe(0)
  })
})
