import { describe, expect, it } from 'vitest'
import { createGovernor } from '../../../../src/main/gateway/governor'
import { FakeClock } from './fake-clock'

/**
 * `observe` is the governor's feed from the Opsgenie client's response hook: every answer, also
 * for requests the governor never admitted (key checks, raw calls), so another client's load on
 * the shared account shows up however it reaches us.
 */
describe('governor.observe (the response hook)', () => {
  const ok = { domain: 'alert' as const, status: 200, rateLimit: { state: 'OK' } }

  it('closes the domain for the advertised period on a 429 it did not admit', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0 })
    governor.observe({
      domain: 'alert',
      status: 429,
      rateLimit: { state: 'THROTTLED', reason: 'ACCOUNT', periodSeconds: 1 },
    })
    const alert = governor.state().domains.alert
    expect(alert.throttledUntil).toBe(1000)
    expect(alert.lastReason).toBe('ACCOUNT')
    expect(alert.perSecond.rateFactor).toBe(0.5)
    const times: number[] = []
    void governor.acquire('alert', 'user').then(() => times.push(clock.now()))
    await clock.advance(999)
    expect(times).toEqual([])
    await clock.runUntilIdle()
    expect(times).toEqual([1000])
  })

  it('waits a minute on a 429 without a period header, as Opsgenie clients do', () => {
    const governor = createGovernor({ clock: new FakeClock(0), random: () => 0 })
    governor.observe({ domain: 'search', status: 429 })
    expect(governor.state().domains.search.throttledUntil).toBe(60_000)
    expect(governor.state().domains.search.lastReason).toBe('unspecified')
  })

  it('counts one 429 once when both the hook and run report it (no second jitter)', () => {
    const clock = new FakeClock(0)
    let draws = 0
    const governor = createGovernor({ clock, random: () => (draws++ === 0 ? 0 : 0.99) })
    governor.observe({ domain: 'alert', status: 429, rateLimit: { periodSeconds: 1 } })
    governor.reportThrottled('alert', { periodSeconds: 1 })
    expect(governor.state().domains.alert.throttledUntil).toBe(1000)
  })

  it('eases the rate, without closing, when a success says the account is under pressure', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      safetyMargin: 1,
      budgets: { alert: { perSecond: 10, perMinute: 600 } },
    })
    governor.observe({ ...ok, rateLimit: { state: 'THROTTLED', periodSeconds: 1 } })
    const alert = governor.state().domains.alert
    expect(alert.throttledUntil).toBeNull()
    expect(alert.perSecond).toMatchObject({ rateFactor: 0.5, effectiveLimit: 5 })
    expect(alert.perMinute.rateFactor).toBe(1)
    // a burst of such answers lowers it once per recovery interval, not once per answer
    for (let i = 0; i < 20; i++) governor.observe({ ...ok, rateLimit: { state: 'warning' } })
    expect(governor.state().domains.alert.perSecond.rateFactor).toBe(0.5)
    expect(governor.state().domains.alert.perMinute.rateFactor).toBe(0.5)
    await clock.advance(10_000)
    expect(governor.state().domains.alert.perSecond.rateFactor).toBe(0.6)
    governor.observe({ ...ok, rateLimit: { state: 'WARNING', periodSeconds: 1 } })
    expect(governor.state().domains.alert.perSecond.rateFactor).toBe(0.3)
  })

  it('ignores OK, unknown states, other statuses and a disposed governor', () => {
    const governor = createGovernor({ clock: new FakeClock(0) })
    const before = governor.state()
    governor.observe(ok)
    governor.observe({ ...ok, rateLimit: { state: 'SOMETHING-NEW' } })
    governor.observe({ domain: 'alert', status: 503 })
    governor.observe({ domain: 'alert', status: 200 })
    expect(governor.state()).toEqual(before)
    governor.dispose()
    expect(() => governor.observe({ domain: 'alert', status: 429 })).not.toThrow()
  })

  it('refuses an answer for an unknown domain, naming it', () => {
    const governor = createGovernor({ clock: new FakeClock(0) })
    const bad = { domain: 'heartbeat', status: 429 } as unknown as Parameters<
      typeof governor.observe
    >[0]
    expect(() => governor.observe(bad)).toThrow(/unknown domain "heartbeat"/)
  })
})
