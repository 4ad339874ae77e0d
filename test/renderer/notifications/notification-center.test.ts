import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createNotificationCenter,
  type NotificationCenter,
} from '../../../src/renderer/src/notifications/notification-center'
import type { NotificationRequest } from '../../../src/renderer/src/notifications/requests'
import { NotificationSettings } from '../../../src/renderer/src/notifications/settings'
import { makeAlert } from './alert-fixture'

interface Harness {
  center: NotificationCenter
  shown: NotificationRequest[]
  beeps: () => number
  acked: string[]
  closed: string[]
  opened: string[]
  summaries: () => number
}

function harness(over: Partial<NotificationSettings> = {}): Harness {
  const shown: NotificationRequest[] = []
  const acked: string[] = []
  const closed: string[] = []
  const opened: string[] = []
  let beeps = 0
  let summaries = 0
  const center = createNotificationCenter(
    {
      show: (request) => void shown.push(request),
      playSound: () => void beeps++,
      now: () => Date.now(),
      onAcknowledge: (id) => void acked.push(id),
      onClose: (id) => void closed.push(id),
      onOpen: (id) => void opened.push(id),
      onOpenSummary: () => void summaries++,
    },
    NotificationSettings.parse({ ringIntervalMs: 4000, ...over }),
  )
  return { center, shown, acked, closed, opened, beeps: () => beeps, summaries: () => summaries }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(2026, 10, 27, 12, 0))
})
afterEach(() => vi.useRealTimers())

describe('notification center: showing', () => {
  it('shows a created P2 once (a repeated Create is not a second notification), without ringing', () => {
    const h = harness()
    const alert = makeAlert({
      id: 'a-2',
      priority: 'P2',
      message: 'api 500s',
      entity: 'api',
      createdAt: new Date(Date.now() - 4 * 60_000).toISOString(),
    })
    h.center.handleChange({ kind: 'created', alert })
    h.center.handleChange({ kind: 'created', alert })
    expect(h.shown).toEqual([
      {
        id: 'alert:a-2',
        title: 'P2 api 500s',
        body: 'P2 · api · 4 min ago',
        actions: ['acknowledge', 'close', 'open'],
        urgent: false,
      },
    ])
    expect(h.center.alarm.getState().ringing).toEqual([])
    expect(h.beeps()).toBe(0)
  })

  it('shows nothing for an alert the rules silence', () => {
    const h = harness()
    expect(
      h.center.handleChange({ kind: 'created', alert: makeAlert({ priority: 'P5' }) }),
    ).toEqual({
      notify: false,
      reason: 'priority',
    })
    expect(h.shown).toEqual([])
  })

  it('folds a storm into one summary and shows held arrivals when the summary interval passes', () => {
    const h = harness({ stormThreshold: 3 })
    for (let i = 0; i < 4; i++)
      h.center.handleChange({
        kind: 'created',
        alert: makeAlert({ priority: i === 0 ? 'P1' : 'P3' }),
      })
    expect(h.shown.map((r) => r.id.split(':')[0])).toEqual(['alert', 'alert', 'alert', 'storm'])
    expect(h.shown[3]).toMatchObject({
      title: '4 new alerts (1 P1)',
      urgent: true,
      actions: ['open'],
    })
    for (let i = 0; i < 8; i++) h.center.handleChange({ kind: 'created', alert: makeAlert() })
    expect(h.shown).toHaveLength(4)
    vi.advanceTimersByTime(10_000)
    expect(h.shown).toHaveLength(5)
    expect(h.shown[4]).toMatchObject({ id: 'storm:summary', title: '12 new alerts (1 P1)' })
    vi.advanceTimersByTime(60_000)
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'calm' }) })
    expect(h.shown.at(-1)?.id).toBe('alert:calm')
  })
})

describe('notification center: ringing', () => {
  it('rings a P1 now and every interval, until it is acknowledged here from the notification', () => {
    const h = harness()
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'p1', priority: 'P1' }) })
    expect(h.shown[0]).toMatchObject({ id: 'alert:p1', urgent: true })
    expect(h.center.alarm.getState().ringing).toEqual(['p1'])
    expect(h.beeps()).toBe(1)
    vi.advanceTimersByTime(12_000)
    expect(h.beeps()).toBe(4)
    h.center.handleAction({ notificationId: 'alert:p1', action: 'acknowledge' })
    expect(h.acked).toEqual(['p1'])
    expect(h.center.alarm.getState().ringing).toEqual([])
    vi.advanceTimersByTime(60_000)
    expect(h.beeps()).toBe(4)
  })

  it('stops when an Acknowledge from Opsgenie arrives, and keeps ringing for the other P1', () => {
    const h = harness()
    const first = makeAlert({ id: 'one', priority: 'P1' })
    h.center.handleChange({ kind: 'created', alert: first })
    h.center.handleChange({ kind: 'created', alert: makeAlert({ id: 'two', priority: 'P1' }) })
    expect(h.beeps()).toBe(1)
    h.center.handleChange({ kind: 'acknowledged', alert: { ...first, acknowledged: true } })
    expect(h.center.alarm.getState().ringing).toEqual(['two'])
    vi.advanceTimersByTime(4000)
    expect(h.beeps()).toBe(2)
    expect(h.acked).toEqual([])
  })

  it('stops when the alert is closed elsewhere or an update shows it acknowledged or snoozed', () => {
    const h = harness()
    const alerts = ['c', 'u', 's'].map((id) => makeAlert({ id, priority: 'P1' }))
    for (const alert of alerts) h.center.handleChange({ kind: 'created', alert })
    const [c, u, s] = alerts as [(typeof alerts)[0], (typeof alerts)[0], (typeof alerts)[0]]
    h.center.handleChange({ kind: 'closed', alert: { ...c, status: 'closed' } })
    h.center.handleChange({ kind: 'updated', alert: { ...u, acknowledged: true } })
    expect(h.center.alarm.getState().ringing).toEqual(['s'])
    h.center.handleChange({ kind: 'updated', alert: { ...s, snoozed: true } })
    expect(h.center.alarm.getState().ringing).toEqual([])
    const before = h.beeps()
    vi.advanceTimersByTime(20_000)
    expect(h.beeps()).toBe(before)
  })

  it('starts ringing when a notified alert is raised to P1, and stops on the Close button', () => {
    const h = harness()
    const alert = makeAlert({ id: 'up', priority: 'P3' })
    h.center.handleChange({ kind: 'created', alert })
    h.center.handleChange({ kind: 'updated', alert: { ...alert, priority: 'P1' } })
    expect(h.center.alarm.getState().ringing).toEqual(['up'])
    expect(h.shown.at(-1)).toMatchObject({ id: 'alert:up', urgent: true })
    h.center.handleAction({ notificationId: 'alert:up', action: 'close' })
    expect(h.closed).toEqual(['up'])
    expect(h.center.alarm.getState().ringing).toEqual([])
  })
})

describe('notification center: actions', () => {
  it('routes open and click to onOpen, the summary to onOpenSummary, and ignores foreign ids', () => {
    const h = harness()
    expect(h.center.handleAction({ notificationId: 'alert:x1', action: 'open' })).toEqual({
      kind: 'open',
      alertId: 'x1',
    })
    h.center.handleAction({ notificationId: 'alert:x2', action: 'click' })
    expect(h.opened).toEqual(['x1', 'x2'])
    expect(h.center.handleAction({ notificationId: 'storm:summary', action: 'click' })).toEqual({
      kind: 'summary',
    })
    expect(h.summaries()).toBe(1)
    expect(
      h.center.handleAction({ notificationId: 'something-else', action: 'acknowledge' }),
    ).toEqual({ kind: 'ignored' })
    expect(h.acked).toEqual([])
  })

  it('a pause from the tray silences non-ringing alerts until it ends', () => {
    const h = harness()
    h.center.setPausedUntil(Date.now() + 60_000)
    h.center.handleChange({ kind: 'created', alert: makeAlert({ priority: 'P2' }) })
    expect(h.shown).toEqual([])
    vi.advanceTimersByTime(60_000)
    h.center.handleChange({ kind: 'created', alert: makeAlert({ priority: 'P2' }) })
    expect(h.shown).toHaveLength(1)
  })
})

describe('notification center: failures', () => {
  it('reports a show that rejects to onError instead of throwing into ingest', async () => {
    const errors: unknown[] = []
    const center = createNotificationCenter({
      show: () => Promise.reject(new Error('main is gone')),
      playSound: () => undefined,
      now: () => Date.now(),
      onAcknowledge: () => undefined,
      onClose: () => undefined,
      onOpen: () => undefined,
      onError: (error) => void errors.push(error),
    })
    expect(() =>
      center.handleChange({ kind: 'created', alert: makeAlert({ priority: 'P2' }) }),
    ).not.toThrow()
    await vi.waitFor(() => expect(String(errors[0])).toContain('main is gone'))
  })
})
