import { describe, expect, it } from 'vitest'
import { createGovernor, type Governor } from '../../../../src/main/gateway/governor'
import { FakeClock, seededRandom } from './fake-clock'

/** Queues `count` user requests on alert and records when each is admitted. */
function demand(governor: Governor, clock: FakeClock, count: number): number[] {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    void governor.acquire('alert', 'user').then(() => times.push(clock.now()))
  }
  return times
}

describe('governor after a 429', () => {
  it('admits nothing before the advertised period plus jitter has elapsed', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0.5, safetyMargin: 1 })
    governor.reportThrottled('alert', { periodSeconds: 1, reason: 'ACCOUNT' })
    const times = demand(governor, clock, 1)
    await clock.advance(999)
    expect(times).toEqual([])
    await clock.runUntilIdle()
    // jitter = 0.5 * max(100 ms, 10% of 1 s)
    expect(times).toEqual([1050])
  })

  it('waits a full minute on a per-minute 429 even with tokens left', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0 })
    governor.reportThrottled('alert', { periodSeconds: 60 })
    expect(governor.state().domains.alert.perSecond.tokens).toBeGreaterThan(0)
    const times = demand(governor, clock, 1)
    await clock.runUntilIdle()
    expect(times).toEqual([60_000])
  })

  it('adds jitter that is never negative and stays within its spread', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const clock = new FakeClock(0)
      const random = seed === 1 ? () => -3 : seededRandom(seed)
      const governor = createGovernor({ clock, random })
      const period = seed % 2 === 0 ? 1 : 60
      governor.reportThrottled('search', { periodSeconds: period })
      const until = governor.state().domains.search.throttledUntil ?? 0
      expect(until).toBeGreaterThanOrEqual(period * 1000)
      expect(until).toBeLessThanOrEqual(period * 1000 + Math.max(100, period * 100))
    }
  })

  it('lowers the rate of the tripped bucket, then recovers it step by step', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({
      clock,
      random: () => 0,
      safetyMargin: 1,
      budgets: { alert: { perSecond: 10, perMinute: 1000 } },
    })
    governor.reportThrottled('alert', { periodSeconds: 1 })
    const bucket = (): { effectiveLimit: number; rateFactor: number } =>
      governor.state().domains.alert.perSecond
    expect(bucket()).toMatchObject({ effectiveLimit: 5, rateFactor: 0.5 })
    expect(governor.state().domains.alert.perMinute.rateFactor).toBe(1)

    const times = demand(governor, clock, 12)
    await clock.advanceTo(1999)
    expect(times).toEqual(Array(5).fill(1000))

    await clock.advanceTo(11_000) // one recovery interval after the throttle ended
    expect(bucket()).toMatchObject({ effectiveLimit: 6, rateFactor: 0.6 })
    await clock.advanceTo(51_000)
    expect(bucket()).toMatchObject({ effectiveLimit: 10, rateFactor: 1 })
    expect(times).toHaveLength(12)
  })

  it('lowers the rate once per throttle however many in-flight requests report it', () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0, safetyMargin: 1 })
    for (let i = 0; i < 4; i++) governor.reportThrottled('alert', { periodSeconds: 1 })
    expect(governor.state().domains.alert.perSecond.rateFactor).toBe(0.5)
  })

  it('lowers again on a 429 after the previous throttle ended, down to the floor', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0 })
    const factors: number[] = []
    for (let i = 0; i < 6; i++) {
      governor.reportThrottled('incident', { periodSeconds: 60 })
      factors.push(governor.state().domains.incident.perMinute.rateFactor)
      await clock.advance(60_000)
    }
    expect(factors).toEqual([0.5, 0.25, 0.125, 0.1, 0.1, 0.1])
  })

  it('extends the wait when a longer period arrives during a throttle', async () => {
    const clock = new FakeClock(0)
    const governor = createGovernor({ clock, random: () => 0 })
    governor.reportThrottled('alert', { periodSeconds: 1 })
    const times = demand(governor, clock, 1)
    await clock.advance(500)
    governor.reportThrottled('alert', { periodSeconds: 60, reason: 'ACCOUNT' })
    await clock.runUntilIdle()
    expect(times).toEqual([60_500])
  })

  it('refuses a period that is not a positive number, naming it', () => {
    const governor = createGovernor({ clock: new FakeClock() })
    expect(() => governor.reportThrottled('alert', { periodSeconds: 0 })).toThrow(/periodSeconds/)
    expect(() => governor.reportThrottled('alert', { periodSeconds: Number.NaN })).toThrow(
      /"alert" must be a positive number/,
    )
  })
})
