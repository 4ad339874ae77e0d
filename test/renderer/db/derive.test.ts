import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import {
  alertOf,
  isoToVersionNs,
  nsToIso,
  padNs,
  toAlertRow,
} from '../../../src/renderer/src/db/derive'

const alert: Alert = {
  id: 'a1',
  tinyId: '42',
  alias: 'disk-full',
  message: 'Disk FULL on db-1',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P2',
  tags: ['DB', 'prod'],
  teams: [],
  responders: [],
  count: 1,
  entity: 'db-1',
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:01.500Z',
}

describe('derived fields', () => {
  it('computes rank, needsAck, createdMs, versionNs and searchText in one place', () => {
    const row = toAlertRow(alert)
    expect(row).toMatchObject({
      priorityRank: 2,
      needsAck: 1,
      createdMs: Date.parse(alert.createdAt),
    })
    expect(row.versionNs).toBe('01795737601500000000')
    expect(row.searchText).toBe('disk full on db-1\ndisk-full\n42\ndb-1\ndb\nprod')
    expect(toAlertRow({ ...alert, acknowledged: true }).needsAck).toBe(0)
    expect(toAlertRow({ ...alert, status: 'closed' }).needsAck).toBe(0)
    expect(alertOf(row)).toEqual(alert)
  })

  it('pads ns so string order is time order, and converts back to ISO', () => {
    expect(padNs('999') < padNs('1000')).toBe(true)
    expect(isoToVersionNs('not a date')).toBe('00000000000000000000')
    expect(nsToIso('1420452224764002246')).toBe('2015-01-05T10:03:44.764Z')
  })
})
