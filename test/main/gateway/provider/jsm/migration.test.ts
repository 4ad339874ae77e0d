import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../../../src/shared/domain'
import {
  matchAlerts,
  remapAlertIds,
  resolveTargets,
} from '../../../../../src/main/gateway/provider/jsm/migration'

const alert = (
  id: string,
  alias: string,
  message: string,
  createdAt: string,
  status: 'open' | 'closed' = 'open',
): Alert => ({
  id,
  tinyId: '1',
  alias,
  message,
  status,
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt,
  updatedAt: createdAt,
})

describe('moving an Opsgenie workspace to JSM: matching', () => {
  it('matches by alias first, then by message within the tolerance, closest first', () => {
    const before = [
      alert('og-1', 'db-down', 'DB down', '2026-12-01T10:00:00Z'),
      alert('og-2', 'og-2', 'Disk full', '2026-12-01T10:00:00Z'),
      alert('og-3', 'og-3', 'CPU high', '2026-12-01T10:00:00Z'),
    ]
    const after = [
      alert('jsm-a', 'db-down', 'DB down (renamed)', '2026-12-01T10:05:00Z'),
      alert('jsm-b', 'jsm-b', 'Disk full', '2026-12-01T10:01:30Z'),
      alert('jsm-c', 'jsm-c', 'Disk full', '2026-12-01T10:00:20Z'),
      alert('jsm-d', 'jsm-d', 'CPU high', '2026-12-01T11:00:00Z'),
    ]
    const m = matchAlerts(before, after)
    expect(m.matched).toEqual([
      { from: 'og-1', to: 'jsm-a', by: 'alias' },
      { from: 'og-2', to: 'jsm-c', by: 'message-time' },
    ])
    expect(m.unmatched).toEqual([{ from: 'og-3', reason: expect.stringMatching(/within 120 s/) }])
    expect(remapAlertIds(['og-1', 'og-3'], m)).toEqual({ ids: ['jsm-a'], lost: ['og-3'] })
  })

  it('refuses to guess between two JSM alerts equally near', () => {
    const before = [alert('og-1', 'og-1', 'Same', '2026-12-01T10:00:00Z')]
    const after = [
      alert('a', 'a', 'Same', '2026-12-01T10:00:10Z'),
      alert('b', 'b', 'Same', '2026-12-01T09:59:50Z'),
    ]
    expect(matchAlerts(before, after).unmatched[0]?.reason).toMatch(/several/)
  })

  it('re-resolves workflow targets by name and lists what has no name on the JSM site', () => {
    const directory = {
      teams: [{ id: 't-jsm', name: 'Payments' }],
      users: [{ id: 'acc-1', username: 'ada@example.com', fullName: 'Ada L' }],
      schedules: [],
      escalations: [],
    }
    const r = resolveTargets(
      [
        { type: 'team', id: 'og-t', name: 'Payments' },
        { type: 'user', name: 'Ada L' },
        { type: 'schedule', name: 'Gone' },
        { type: 'escalation', id: 'og-e' },
      ],
      directory,
    )
    expect(r.resolved.map((x) => x.to)).toEqual([
      { type: 'team', id: 't-jsm', name: 'Payments' },
      { type: 'user', id: 'acc-1', name: 'Ada L' },
    ])
    expect(r.unmatched.map((x) => x.reason)).toEqual([
      'no schedule named Gone on the JSM site',
      'the escalation is known only by its Opsgenie id',
    ])
  })
})
