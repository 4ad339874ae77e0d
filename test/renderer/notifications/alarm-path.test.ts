import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNotificationCenter } from '../../../src/renderer/src/notifications/notification-center'
import type { NotificationRequest } from '../../../src/renderer/src/notifications/requests'
import { ageText, alertRequest } from '../../../src/renderer/src/notifications/requests'
import { NotificationSettings } from '../../../src/renderer/src/notifications/settings'
import { makeAlert } from './alert-fixture'

/** The alarm path at 3 a.m.: what rings after a reload, what catch-up shows, one key, silence. */
function harness(): {
  center: ReturnType<typeof createNotificationCenter>
  shown: NotificationRequest[]
  acked: string[]
  beeps: () => number
} {
  const shown: NotificationRequest[] = []
  const acked: string[] = []
  let beeps = 0
  const center = createNotificationCenter(
    {
      show: (request) => void shown.push(request),
      playSound: () => void beeps++,
      now: () => Date.now(),
      onAcknowledge: (id) => void acked.push(id),
      onClose: () => undefined,
      onOpen: () => undefined,
      onOpenSummary: () => undefined,
      teamNames: (alert) => alert.teams.map((id) => (id === 't-1' ? 'Platform' : '?')),
    },
    NotificationSettings.parse({ ringIntervalMs: 4000, stormThreshold: 2 }),
  )
  return { center, shown, acked, beeps: () => beeps }
}

const minutesAgo = (m: number): string => new Date(Date.now() - m * 60_000).toISOString()

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-27T03:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

describe('ringing survives a reload', () => {
  it('restore() rings the open P1s of the cache by the ringing rules, without notifying', () => {
    const h = harness()
    h.center.restore([
      makeAlert({ id: 'p1', priority: 'P1' }),
      makeAlert({ id: 'p1-acked', priority: 'P1', acknowledged: true }),
      makeAlert({ id: 'p3', priority: 'P3' }),
    ])
    expect(h.center.alarm.getState().ringing).toEqual(['p1'])
    expect(h.shown).toEqual([])
    expect(h.beeps()).toBe(1)
    // the same alert arriving live afterwards is not news either
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'p1', priority: 'P1' }) })
    expect(h.shown).toEqual([])
  })
})

describe('restoring a large cache', () => {
  it('rings oldest first whatever the order read, as one change of the ringing list', () => {
    const h = harness()
    const open = Array.from({ length: 3_000 }, (_, i) =>
      makeAlert({
        id: `r-${i}`,
        priority: i % 3 === 0 ? 'P1' : 'P4',
        // read newest first, as the cache's priority pages give them
        createdAt: new Date(Date.parse('2026-11-27T02:00:00Z') - i * 1000).toISOString(),
      }),
    )
    let changes = 0
    const unsubscribe = h.center.alarm.subscribe(() => (changes += 1))
    h.center.restore(open)
    unsubscribe()
    const ringing = h.center.alarm.getState().ringing
    expect(ringing).toHaveLength(1_000)
    expect(ringing[0]).toBe('r-2997')
    expect(ringing.at(-1)).toBe('r-0')
    expect(changes).toBe(1)
  })
})

describe('catch-up after opening is not "new alerts"', () => {
  it('rings caught-up P1s but shows nothing and raises no storm summary', () => {
    const h = harness()
    for (let i = 0; i < 8; i++)
      h.center.handleChange(
        { kind: 'created', alert: makeAlert({ id: `c-${i}`, priority: i === 0 ? 'P1' : 'P3' }) },
        'catch-up',
      )
    vi.advanceTimersByTime(30_000)
    expect(h.shown).toEqual([])
    expect(h.center.alarm.getState().ringing).toEqual(['c-0'])
  })
})

describe('one key acknowledges what rings', () => {
  it('acknowledgeRinging() acknowledges every ringing alert, not a selection', () => {
    const h = harness()
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'x', priority: 'P1' }) })
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'y', priority: 'P1' }) })
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'z', priority: 'P3' }) })
    expect(h.center.acknowledgeRinging()).toEqual(['x', 'y'])
    expect(h.acked).toEqual(['x', 'y'])
    // ringing stops when the acknowledgement is applied, as for the banner's button
    h.center.handleChange({ kind: 'acknowledged', alert: makeAlert({ id: 'x', priority: 'P1' }) })
    expect(h.center.alarm.getState().ringing).toEqual(['y'])
  })
})

describe('silence for 5 minutes', () => {
  it('holds the sound but keeps what rings on screen; the sound comes back when time is up', () => {
    const h = harness()
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'x', priority: 'P1' }) })
    expect(h.beeps()).toBe(1)
    h.center.silence(5 * 60_000)
    vi.advanceTimersByTime(4 * 60_000)
    expect(h.beeps()).toBe(1)
    expect(h.center.alarm.getState()).toMatchObject({ ringing: ['x'] })
    vi.advanceTimersByTime(2 * 60_000)
    expect(h.beeps()).toBeGreaterThan(1)
  })
})

describe('notifications say more', () => {
  it('the body gives priority, team, entity, source and age', () => {
    const alert = makeAlert({
      priority: 'P1',
      teams: ['t-1'],
      entity: 'db-7',
      source: 'demo-trickle',
      createdAt: minutesAgo(134),
    })
    expect(alertRequest(alert, true, Date.now(), ['Platform']).body).toBe(
      'P1 · Platform · db-7 · demo-trickle · 2 h 14 min ago',
    )
    const h = harness()
    h.center.handleChange({ kind: 'created', alert })
    expect(h.shown[0]?.body).toContain('P1 · Platform · db-7')
  })

  it('says ages plainly', () => {
    expect(ageText(minutesAgo(0), Date.now())).toBe('just now')
    expect(ageText(minutesAgo(59), Date.now())).toBe('59 min ago')
    expect(ageText(minutesAgo(120), Date.now())).toBe('2 h ago')
    expect(ageText(minutesAgo(72 * 60), Date.now())).toBe('3 days ago')
  })
})
