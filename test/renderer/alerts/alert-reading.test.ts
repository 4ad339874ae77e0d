import { describe, expect, it } from 'vitest'
import {
  fromFragment,
  toFragment,
  DEFAULT_QUERY,
} from '../../../src/renderer/src/alerts/alert-view-link'
import { queryAlerts } from '../../../src/renderer/src/alerts/alert-query'
import { DEFAULT_ALERT_FILTERS } from '../../../src/renderer/src/alerts/alert-view-store'
import { directoryNames } from '../../../src/renderer/src/alerts/directory-names'
import { timelineActor } from '../../../src/renderer/src/alerts/timeline-actors'
import { builtInViews } from '../../../src/renderer/src/alerts/saved-views'
import { formatAge, plural } from '../../../src/renderer/src/components/format'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'
import { activityRow, alertRow } from '../app/support/fixtures'

const TEAM_ID = '4f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f'
const USER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
const ESC_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const directory = {
  teams: [{ id: TEAM_ID, name: 'Security' }],
  users: [{ id: USER_ID, username: 'ada@example.com', fullName: 'Ada Lovelace' }],
  schedules: [],
  escalations: [{ id: ESC_ID, name: 'Security escalation', rules: [] }],
}

describe('directory names (item 7)', () => {
  const names = directoryNames(directory)
  it('resolves teams, users and escalations by id or name', () => {
    expect(names.team(TEAM_ID).text).toBe('Security')
    expect(names.team('Security').text).toBe('Security')
    expect(names.user('ada@example.com').text).toBe('Ada Lovelace')
    expect(names.responder({ type: 'user', id: USER_ID }).text).toBe('Ada Lovelace')
    expect(names.responder({ type: 'escalation', id: ESC_ID }).text).toBe('Security escalation')
  })
  it('never shows an id the directory does not know; it keeps it for the hover', () => {
    const unknown = '11111111-2222-4333-8444-555555555555'
    expect(names.team(unknown)).toEqual({ text: 'Unknown team', unresolved: unknown })
    expect(names.responder({ type: 'schedule', id: unknown }).text).toBe('Unknown schedule')
    expect(names.responder({ type: 'team', name: 'Ops' }).text).toBe('Ops')
  })
})

describe('needs-action order (item 8)', () => {
  const now = Date.parse('2026-12-06T12:00:00Z')
  const rows = [
    alertRow(1, { priority: 'P1', acknowledged: true, message: 'acked P1' }),
    alertRow(2, { priority: 'P2', message: 'open P2' }),
    alertRow(3, {
      priority: 'P1',
      snoozed: true,
      snoozedUntil: '2026-12-06T13:00:00Z',
      message: 'snoozed P1',
    }),
    alertRow(4, { priority: 'P1', message: 'open P1' }),
    alertRow(5, {
      priority: 'P3',
      snoozed: true,
      snoozedUntil: '2026-12-06T11:00:00Z',
      message: 'snooze ran out P3',
    }),
  ]
  it('is the default: unacknowledged first, then priority, then newest; snoozed below acked', () => {
    const sorted = queryAlerts(rows, DEFAULT_ALERT_FILTERS, '', DEFAULT_QUERY.sort, {}, now)
    expect(sorted.map((r) => r.message)).toEqual([
      'open P1',
      'open P2',
      'snooze ran out P3',
      'acked P1',
      'snoozed P1',
    ])
  })
  it('the old order stays selectable', () => {
    const sorted = queryAlerts(rows, DEFAULT_ALERT_FILTERS, '', 'priority', {}, now)
    expect(sorted.map((r) => r.tinyId)).toEqual(['4', '3', '1', '2', '5'])
  })
  it('says ages in two units at most', () => {
    expect(formatAge(now - (2 * 60 + 14) * 60_000 - 5_000, now)).toBe('2 h 14 m')
    expect(formatAge(now - 45_000, now)).toBe('45 s')
    expect(formatAge(now - 7 * 60_000, now)).toBe('7 m')
    expect(formatAge(now - 27 * 3_600_000, now)).toBe('1 d 3 h')
  })
})

describe('deep links and saved views (item 9)', () => {
  it('round-trips filters through the fragment, writing only what differs', () => {
    expect(toFragment(DEFAULT_QUERY)).toBe('#alerts')
    const query = fromFragment('#alerts?status=open&p=P2,P1&q=disk')
    expect(query).toEqual({
      filters: { ...DEFAULT_ALERT_FILTERS, priorities: ['P1', 'P2'] },
      search: 'disk',
      sort: 'needs-action',
    })
    expect(toFragment(query ?? DEFAULT_QUERY)).toBe('#alerts?p=P1%2CP2&q=disk')
    expect(fromFragment('#alerts?p=P9,p3&ack=no&mine=1&sort=oldest&status=bogus')).toEqual({
      filters: { ...DEFAULT_ALERT_FILTERS, priorities: ['P3'], acknowledged: 'no', mine: true },
      search: '',
      sort: 'oldest',
    })
  })
  it('ignores fragments that are not alert links', () => {
    expect(fromFragment('#demo')).toBeUndefined()
    expect(fromFragment('')).toBeUndefined()
  })
  it('offers My queue and a P1-P2 view per team', () => {
    const names = builtInViews(directory.teams).map((v) => v.name)
    expect(names).toEqual(['All open', 'My queue', 'P1-P2 unacknowledged', 'Team Security P1-P2'])
  })
})

describe('smaller defects', () => {
  it('counts in words: 1 alert, 2 alerts', () => {
    expect(plural(1, 'alert')).toBe('1 alert')
    expect(plural(2, 'alert')).toBe('2 alerts')
    expect(plural(0, 'alert')).toBe('0 alerts')
  })

  it('an acknowledgement sent from here reads "You", not the API integration', () => {
    const at = Date.parse('2026-12-06T12:00:00Z')
    const command = {
      id: 'c1',
      kind: 'alerts:acknowledge',
      state: 'confirmed',
      createdAt: at - 1_000,
      updatedAt: at + 500,
    } as OutboxCommand
    const entry = activityRow('alert-1', 1, {
      kind: 'acknowledged',
      action: 'Acknowledge',
      actor: 'API',
      at: `${at}000000`,
    })
    expect(timelineActor(entry, [command], 'ada')).toBe('You')
    expect(timelineActor(entry, [], 'ada')).toBe('API')
    expect(timelineActor({ ...entry, actor: 'grace' }, [command], 'ada', new Set(['grace']))).toBe(
      'grace',
    )
    expect(timelineActor({ ...entry, actor: 'ada' }, [], 'ada')).toBe('You')
  })
})
