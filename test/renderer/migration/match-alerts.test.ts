import { describe, expect, it } from 'vitest'
import { matchAlerts, type MatchableAlert } from '../../../src/renderer/src/migration/match-alerts'
import { relinkAlerts } from '../../../src/renderer/src/migration/relink-incidents'
import type { LinkedAlert } from '../../../src/renderer/src/incidents/coordination/records'

const alert = (
  id: string,
  alias: string,
  message: string,
  createdAt: string,
  status: 'open' | 'closed' = 'open',
): MatchableAlert => ({ id, alias, message, createdAt, status })

describe('matching cached Opsgenie alerts to JSM alerts', () => {
  it('matches by alias first, whatever the message or time', () => {
    const m = matchAlerts(
      [alert('og-1', 'db-1', 'Disk full', '2026-12-01T10:00:00Z')],
      [alert('jsm-9', 'db-1', 'Disk full (renamed)', '2026-12-03T10:00:00Z')],
    )
    expect(m.matched).toEqual([{ from: 'og-1', to: 'jsm-9', by: 'alias' }])
    expect(m.unmatched).toEqual([])
  })

  it('between two JSM alerts with one alias, takes the one in the same state', () => {
    const m = matchAlerts(
      [alert('og-1', 'db-1', 'Disk full', '2026-12-01T10:00:00Z', 'closed')],
      [
        alert('jsm-open', 'db-1', 'Disk full', '2026-12-02T10:00:00Z', 'open'),
        alert('jsm-closed', 'db-1', 'Disk full', '2026-12-01T10:00:00Z', 'closed'),
      ],
    )
    expect(m.matched[0]?.to).toBe('jsm-closed')
  })

  it('falls back to the message created within the tolerance, the closest one', () => {
    const m = matchAlerts(
      [alert('og-1', 'lost-alias', 'CPU high', '2026-12-01T10:00:00Z')],
      [
        alert('far', 'x', 'CPU high', '2026-12-01T10:01:30Z'),
        alert('near', 'y', 'CPU high', '2026-12-01T10:00:20Z'),
        alert('late', 'z', 'CPU high', '2026-12-01T10:05:00Z'),
      ],
    )
    expect(m.matched).toEqual([{ from: 'og-1', to: 'near', by: 'message-time' }])
  })

  it('lists what it cannot match and why, and never guesses between equals', () => {
    const m = matchAlerts(
      [
        alert('og-1', 'a', 'Only on Opsgenie', '2026-12-01T10:00:00Z'),
        alert('og-2', 'b', 'Twice', '2026-12-01T10:00:00Z'),
        alert('og-3', 'c', 'Too late', '2026-12-01T10:00:00Z'),
      ],
      [
        alert('j-1', 'p', 'Twice', '2026-12-01T10:00:10Z'),
        alert('j-2', 'q', 'Twice', '2026-12-01T09:59:50Z'),
        alert('j-3', 'r', 'Too late', '2026-12-01T10:02:01Z'),
      ],
    )
    expect(m.matched).toEqual([])
    expect(m.unmatched.map((u) => [u.from, u.reason])).toEqual([
      ['og-1', 'no JSM alert has its alias, nor its message within 120 s of its creation'],
      ['og-2', 'several JSM alerts have its message, created equally close to it'],
      ['og-3', 'no JSM alert has its alias, nor its message within 120 s of its creation'],
    ])
  })

  it('gives each JSM alert to one Opsgenie alert only', () => {
    const m = matchAlerts(
      [
        alert('og-1', 'db-1', 'Disk full', '2026-12-01T10:00:00Z'),
        alert('og-2', 'other', 'Disk full', '2026-12-01T10:00:00Z'),
      ],
      [alert('jsm-1', 'db-1', 'Disk full', '2026-12-01T10:00:00Z')],
    )
    expect(m.matched).toEqual([{ from: 'og-1', to: 'jsm-1', by: 'alias' }])
    expect(m.unmatched.map((u) => u.from)).toEqual(['og-2'])
  })
})

describe('re-pointing local incidents’ linked alerts', () => {
  const link = (key: string, alertId?: string): LinkedAlert => ({
    key,
    incidentId: 'inc-1',
    ...(alertId !== undefined ? { alertId } : {}),
    responders: [],
    status: 'open',
    acknowledged: false,
    causedBy: [],
    linkedAt: 1,
  })

  it('re-keys links by id, keeps alias links, lists the lost', () => {
    const r = relinkAlerts(
      [
        link('id:og-1', 'og-1'),
        link('alias:paged', 'og-2'),
        link('alias:new'),
        link('id:og-3', 'og-3'),
      ],
      new Map([
        ['og-1', 'jsm-1'],
        ['og-2', 'jsm-2'],
      ]),
    )
    expect(r.rows.map((l) => [l.key, l.alertId])).toEqual([
      ['id:jsm-1', 'jsm-1'],
      ['alias:paged', 'jsm-2'],
    ])
    expect(r.removedKeys).toEqual(['id:og-1'])
    expect(r.lost).toEqual([{ incidentId: 'inc-1', alertId: 'og-3' }])
  })
})
