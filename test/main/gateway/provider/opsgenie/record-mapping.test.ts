import { describe, expect, it } from 'vitest'
import {
  AlertDetail,
  IncidentRecord,
} from '../../../../../src/main/gateway/provider/opsgenie/schemas/records'
import {
  toAlert,
  toIncident,
  toResponders,
} from '../../../../../src/main/gateway/provider/opsgenie/record-mapping'

describe('Opsgenie records to the domain model', () => {
  it('fills what Opsgenie leaves out with explicit defaults', () => {
    const alert = toAlert(
      AlertDetail.parse({ id: 'a1', message: 'Disk', status: 'open', tinyId: 7, entity: 'db-1' }),
    )
    expect(alert).toMatchObject({
      id: 'a1',
      tinyId: '7',
      alias: 'a1',
      priority: 'P3',
      acknowledged: false,
      count: 1,
      tags: [],
      entity: 'db-1',
      createdAt: '1970-01-01T00:00:00.000Z',
    })
  })

  it('keeps known responder kinds, users by username, and drops what cannot be addressed', () => {
    expect(
      toResponders([
        { type: 'team', id: 't1' },
        { type: 'user', username: 'ana@example.com' },
        { type: 'robot', id: 'r1' },
        { type: 'schedule' },
      ]),
    ).toEqual([
      { type: 'team', id: 't1' },
      { type: 'user', name: 'ana@example.com' },
    ])
  })

  it('reads incident statuses, treating anything unknown as open', () => {
    const record = (status: string) => IncidentRecord.parse({ id: 'i1', message: 'm', status })
    expect(toIncident(record('resolved')).status).toBe('resolved')
    expect(toIncident(record('closed')).status).toBe('closed')
    expect(toIncident(record('investigating')).status).toBe('open')
  })

  it('refuses a record the domain cannot hold', () => {
    expect(() => toAlert(AlertDetail.parse({ id: '', message: 'm', status: 'open' }))).toThrow()
  })
})
