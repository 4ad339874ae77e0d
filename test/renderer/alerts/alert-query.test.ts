import { describe, expect, it } from 'vitest'
import { DEFAULT_ALERT_FILTERS } from '../../../src/renderer/src/alerts/alert-view-store'
import { isUrgent, queryAlerts } from '../../../src/renderer/src/alerts/alert-query'
import { alertRow } from '../app/support/fixtures'

const rows = [
  alertRow(1, {
    priority: 'P3',
    message: 'Disk 91% full on db-primary-1',
    tags: ['disk'],
    teams: ['team-platform'],
  }),
  alertRow(2, {
    priority: 'P1',
    message: 'Checkout latency',
    alias: 'checkout-p95',
    owner: 'ada',
    teams: ['Payments'],
  }),
  alertRow(3, { priority: 'P1', message: 'Card errors', acknowledged: true, entity: 'card-api' }),
  alertRow(4, { priority: 'P2', message: 'Old closed one', status: 'closed' }),
  alertRow(5, { priority: 'P5', message: 'Nightly ETL late', tags: ['etl', 'Warehouse'] }),
]
const pagedMe = alertRow(6, {
  priority: 'P5',
  message: 'Paged me directly',
  status: 'closed',
  responders: [{ type: 'user', name: 'ada' }],
})
const ids = (list: { id: string }[]): string[] => list.map((r) => r.id)
const teams = [
  { id: 'team-platform', name: 'Platform' },
  { id: 'team-payments', name: 'Payments' },
]
const services = [
  { id: 's-wh', name: 'Warehouse', tags: [] },
  { id: 's-pay', name: 'Checkout API', teamId: 'team-payments', tags: [] },
]
const context = { me: 'ada', teams, services }

describe('queryAlerts', () => {
  it('shows open alerts most urgent first, newest first within a priority', () => {
    expect(ids(queryAlerts(rows, DEFAULT_ALERT_FILTERS, '', 'priority', context))).toEqual([
      'alert-3',
      'alert-2',
      'alert-1',
      'alert-5',
    ])
  })

  it('filters by status, priority, acknowledged and mine', () => {
    const f = DEFAULT_ALERT_FILTERS
    expect(ids(queryAlerts(rows, { ...f, status: 'closed' }, '', 'priority', context))).toEqual([
      'alert-4',
    ])
    expect(
      ids(
        queryAlerts(rows, { ...f, status: 'all', priorities: ['P1', 'P2'] }, '', 'oldest', context),
      ),
    ).toEqual(['alert-2', 'alert-3', 'alert-4'])
    expect(ids(queryAlerts(rows, { ...f, acknowledged: 'yes' }, '', 'priority', context))).toEqual([
      'alert-3',
    ])
    expect(
      ids(
        queryAlerts(
          rows,
          { ...f, acknowledged: 'no', priorities: ['P1'] },
          '',
          'priority',
          context,
        ),
      ),
    ).toEqual(['alert-2'])
    expect(ids(queryAlerts(rows, { ...f, mine: true }, '', 'priority', context))).toEqual([
      'alert-2',
    ])
    expect(queryAlerts(rows, { ...f, mine: true }, '', 'priority', { teams })).toEqual([])
    const all = queryAlerts(
      [...rows, pagedMe],
      { ...f, status: 'all', mine: true },
      '',
      'priority',
      context,
    )
    expect(ids(all)).toEqual(['alert-2', 'alert-6'])
  })

  it('matches a team by id or by name, and a service by name or owning team', () => {
    const f = DEFAULT_ALERT_FILTERS
    expect(
      ids(queryAlerts(rows, { ...f, team: 'team-platform' }, '', 'priority', context)),
    ).toEqual(['alert-1'])
    expect(
      ids(queryAlerts(rows, { ...f, team: 'team-payments' }, '', 'priority', context)),
    ).toEqual(['alert-2'])
    expect(ids(queryAlerts(rows, { ...f, service: 's-wh' }, '', 'priority', context))).toEqual([
      'alert-5',
    ])
    expect(ids(queryAlerts(rows, { ...f, service: 's-pay' }, '', 'priority', context))).toEqual([
      'alert-2',
    ])
    expect(queryAlerts(rows, { ...f, service: 'missing' }, '', 'priority', context)).toEqual([])
  })

  it('searches message, alias, tags and entity, every term must match', () => {
    const f = { ...DEFAULT_ALERT_FILTERS, status: 'all' as const }
    expect(ids(queryAlerts(rows, f, 'DISK', 'priority', context))).toEqual(['alert-1'])
    expect(ids(queryAlerts(rows, f, 'checkout-p95', 'priority', context))).toEqual(['alert-2'])
    expect(ids(queryAlerts(rows, f, 'etl', 'priority', context))).toEqual(['alert-5'])
    expect(ids(queryAlerts(rows, f, 'card-api', 'priority', context))).toEqual(['alert-3'])
    expect(ids(queryAlerts(rows, f, 'disk full', 'priority', context))).toEqual(['alert-1'])
    expect(queryAlerts(rows, f, 'disk etl', 'priority', context)).toEqual([])
  })

  it('sorts newest, oldest and recently updated', () => {
    const f = { ...DEFAULT_ALERT_FILTERS, status: 'all' as const }
    expect(ids(queryAlerts(rows, f, '', 'newest', context))[0]).toBe('alert-5')
    expect(ids(queryAlerts(rows, f, '', 'oldest', context))[0]).toBe('alert-1')
    const updated = [alertRow(1, { updatedAt: '2026-11-27T05:00:00Z' }), alertRow(2)]
    expect(ids(queryAlerts(updated, f, '', 'updated', context))).toEqual(['alert-1', 'alert-2'])
  })

  it('marks only open unacknowledged P1/P2 as urgent', () => {
    expect(rows.map(isUrgent)).toEqual([false, true, false, false, false])
  })
})
