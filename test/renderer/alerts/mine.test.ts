import { describe, expect, it } from 'vitest'
import { DEFAULT_ALERT_FILTERS } from '../../../src/renderer/src/alerts/alert-view-store'
import { queryAlerts } from '../../../src/renderer/src/alerts/alert-query'
import { myScope } from '../../../src/renderer/src/alerts/mine'
import type { ScheduleRow } from '../../../src/renderer/src/db/rows'
import { alertRow } from '../app/support/fixtures'

const users = [{ id: 'u-ada', username: 'ada@example.com', fullName: 'Ada Lovelace' }]
const teams = [
  { id: 't-db', name: 'Databases' },
  { id: 't-web', name: 'Web' },
]
const rotation = (participants: ScheduleRow['rotations'][number]['participants']) => ({
  id: 'r',
  name: 'r',
  type: 'weekly' as const,
  length: 1,
  startDate: '2026-01-01T00:00:00.000Z',
  participants,
})
const schedules: ScheduleRow[] = [
  {
    id: 's-db',
    name: 'DB rota',
    timezone: 'UTC',
    enabled: true,
    ownerTeamId: 't-db',
    rotations: [rotation([{ type: 'user', id: 'u-ada' }])],
  },
  {
    id: 's-web',
    name: 'Web rota',
    timezone: 'UTC',
    enabled: true,
    ownerTeamId: 't-web',
    rotations: [rotation([{ type: 'user', name: 'bob@example.com' }])],
  },
]
const onCalls = [
  {
    scheduleId: 's-web',
    scheduleName: 'Web rota',
    at: '2026-12-06T15:00:00.000Z',
    usernames: ['ada@example.com'],
  },
]

describe('"Mine"', () => {
  it('covers what I own, my teams (schedules whose rotations name me) and the schedules I am on call for', () => {
    const me = 'ada@example.com'
    const scope = myScope(me, { users, teams, schedules }, onCalls)
    const rows = [
      alertRow(1, { owner: me }),
      alertRow(2, { teams: ['Databases'] }),
      alertRow(3, { responders: [{ type: 'team', id: 't-db' }] }),
      alertRow(4, { responders: [{ type: 'schedule', name: 'Web rota' }] }),
      alertRow(5, { teams: ['Web'] }), // Web's rota does not name me: on call today is not membership
      alertRow(6, { responders: [{ type: 'user', name: 'bob@example.com' }] }),
    ]
    const mine = queryAlerts(
      rows,
      { ...DEFAULT_ALERT_FILTERS, status: 'all', mine: true },
      '',
      'oldest',
      { me, mine: scope, teams },
    )
    expect(mine.map((r) => r.id)).toEqual(['alert-1', 'alert-2', 'alert-3', 'alert-4'])
    // without the directory, "Mine" is what I own or was added to
    const owned = queryAlerts(
      rows,
      { ...DEFAULT_ALERT_FILTERS, status: 'all', mine: true },
      '',
      'oldest',
      { me },
    )
    expect(owned.map((r) => r.id)).toEqual(['alert-1'])
  })
})
