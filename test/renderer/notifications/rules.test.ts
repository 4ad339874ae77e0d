import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import { decide, inQuietHours, isMine } from '../../../src/renderer/src/notifications/rules'
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NOBODY,
  NotificationSettings,
  type Identity,
} from '../../../src/renderer/src/notifications/settings'
import { makeAlert } from './alert-fixture'

/** Local wall-clock times, so the tests hold in any time zone. */
const at = (hours: number, minutes = 0): number => new Date(2026, 10, 27, hours, minutes).getTime()
const NOON = at(12)
const me: Identity = { userIds: ['u-1'], usernames: ['ada@example.com'], teams: ['t-ops', 'ops'] }
const settings = (over: Partial<NotificationSettings> = {}): NotificationSettings =>
  NotificationSettings.parse({ ...over })

describe('notification settings', () => {
  it('parses {} into the defaults: P1-P3 notify, P1 rings, all alerts, storm at 5', () => {
    expect(DEFAULT_NOTIFICATION_SETTINGS).toMatchObject({
      notifyPriorities: ['P1', 'P2', 'P3'],
      ringPriorities: ['P1'],
      scope: 'all',
      quietHours: { enabled: false, allowRinging: true },
      pausedUntil: null,
      stormThreshold: 5,
    })
  })

  it('refuses a quiet-hours time that is not HH:MM, naming the format', () => {
    const result = NotificationSettings.safeParse({ quietHours: { start: '25:00' } })
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('HH:MM')
  })
})

describe('decide: priority', () => {
  it.each([
    ['P1', { notify: true, ring: true }],
    ['P2', { notify: true, ring: false }],
    ['P3', { notify: true, ring: false }],
    ['P4', { notify: false, reason: 'priority' }],
    ['P5', { notify: false, reason: 'priority' }],
  ] as const)('%s with the defaults -> %o', (priority, expected) => {
    expect(decide(makeAlert({ priority }), settings(), NOBODY, NOON)).toEqual(expected)
  })

  it('follows configured priorities; a ringing priority always notifies', () => {
    const custom = settings({ notifyPriorities: ['P4'], ringPriorities: ['P2'] })
    expect(decide(makeAlert({ priority: 'P4' }), custom, NOBODY, NOON)).toEqual({
      notify: true,
      ring: false,
    })
    expect(decide(makeAlert({ priority: 'P2' }), custom, NOBODY, NOON)).toEqual({
      notify: true,
      ring: true,
    })
    expect(decide(makeAlert({ priority: 'P1' }), custom, NOBODY, NOON)).toMatchObject({
      notify: false,
    })
  })

  it('stays silent for closed, acknowledged and snoozed alerts', () => {
    const s = settings()
    expect(decide(makeAlert({ priority: 'P1', status: 'closed' }), s, NOBODY, NOON)).toMatchObject({
      reason: 'closed',
    })
    expect(
      decide(makeAlert({ priority: 'P1', acknowledged: true }), s, NOBODY, NOON),
    ).toMatchObject({ reason: 'acknowledged' })
    expect(decide(makeAlert({ priority: 'P1', snoozed: true }), s, NOBODY, NOON)).toMatchObject({
      reason: 'snoozed',
    })
  })
})

describe('decide: mine or all', () => {
  const mine = settings({ scope: 'mine' })
  it.each([
    ['owner by username', { owner: 'ada@example.com' }, true],
    ['user responder by id', { responders: [{ type: 'user', id: 'u-1' }] }, true],
    ['team responder by name', { responders: [{ type: 'team', name: 'ops' }] }, true],
    ['alert team by id', { teams: ['t-ops'] }, true],
    ['someone else owns it', { owner: 'bob@example.com', teams: ['t-db'] }, false],
    ['a schedule named like my team', { responders: [{ type: 'schedule', name: 'ops' }] }, false],
  ] satisfies [string, Partial<Alert>, boolean][])('%s -> mine=%s', (_label, over, expected) => {
    const alert = makeAlert({ priority: 'P2', ...over })
    expect(isMine(alert, me)).toBe(expected)
    expect(decide(alert, mine, me, NOON).notify).toBe(expected)
    expect(decide(alert, settings({ scope: 'all' }), me, NOON).notify).toBe(true)
  })
})

describe('decide: quiet hours and pause', () => {
  const quiet = (over: Partial<NotificationSettings['quietHours']> = {}): NotificationSettings =>
    settings({
      quietHours: { enabled: true, start: '22:00', end: '07:00', allowRinging: true, ...over },
    })

  it.each([
    [21, 59, false],
    [22, 0, true],
    [23, 30, true],
    [0, 0, true],
    [6, 59, true],
    [7, 0, false],
    [12, 0, false],
  ])('a window wrapping midnight (22:00-07:00) at %i:%i -> quiet=%s', (h, m, expected) => {
    expect(inQuietHours(quiet().quietHours, new Date(at(h, m)))).toBe(expected)
  })

  it('handles a same-day window and a disabled one', () => {
    const day = quiet({ start: '09:00', end: '17:00' }).quietHours
    expect(inQuietHours(day, new Date(at(8, 59)))).toBe(false)
    expect(inQuietHours(day, new Date(at(12)))).toBe(true)
    expect(inQuietHours(day, new Date(at(17)))).toBe(false)
    expect(inQuietHours({ ...day, enabled: false }, new Date(at(12)))).toBe(false)
  })

  it('silences non-ringing priorities in quiet hours and lets ringing ones through when allowed', () => {
    expect(decide(makeAlert({ priority: 'P2' }), quiet(), NOBODY, at(23))).toEqual({
      notify: false,
      reason: 'quiet-hours',
    })
    expect(decide(makeAlert({ priority: 'P1' }), quiet(), NOBODY, at(23))).toEqual({
      notify: true,
      ring: true,
    })
    expect(
      decide(makeAlert({ priority: 'P1' }), quiet({ allowRinging: false }), NOBODY, at(23)),
    ).toEqual({
      notify: false,
      reason: 'quiet-hours',
    })
    expect(decide(makeAlert({ priority: 'P2' }), quiet(), NOBODY, at(8))).toEqual({
      notify: true,
      ring: false,
    })
  })

  it('silences while paused, lets ringing through per setting, and ends at pausedUntil', () => {
    const paused = settings({ pausedUntil: NOON + 60_000 })
    expect(decide(makeAlert({ priority: 'P2' }), paused, NOBODY, NOON)).toEqual({
      notify: false,
      reason: 'paused',
    })
    expect(decide(makeAlert({ priority: 'P1' }), paused, NOBODY, NOON)).toEqual({
      notify: true,
      ring: true,
    })
    const strict = settings({ pausedUntil: NOON + 60_000, pauseAllowsRinging: false })
    expect(decide(makeAlert({ priority: 'P1' }), strict, NOBODY, NOON)).toEqual({
      notify: false,
      reason: 'paused',
    })
    expect(decide(makeAlert({ priority: 'P2' }), paused, NOBODY, NOON + 60_000)).toEqual({
      notify: true,
      ring: false,
    })
  })
})
