import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Alert, Incident } from '../../../src/shared/domain'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { toIncidentRow } from '../../../src/renderer/src/db/derive'
import * as q from '../../../src/renderer/src/db/queries'
import { createIngest } from '../../../src/renderer/src/sync'

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 27, 0, minute)).toISOString()
const alert = (id: string, patch: Partial<Alert>): Alert => ({
  id,
  tinyId: id,
  alias: `alias-${id}`,
  message: `message ${id}`,
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt: at(0),
  updatedAt: at(0),
  ...patch,
})
const incident = (id: string, patch: Partial<Incident>): Incident => ({
  id,
  tinyId: id,
  message: id,
  status: 'open',
  priority: 'P3',
  tags: [],
  responders: [],
  impactedServices: [],
  createdAt: at(0),
  updatedAt: at(0),
  ...patch,
})

let db: CacheDb
beforeAll(async () => {
  db = await new CacheDb(`q-${randomUUID().slice(0, 8)}`).openOrExplain()
  await createIngest(db).applyAlerts([
    alert('p3-old', { createdAt: at(1) }),
    alert('p3-new', { createdAt: at(5), owner: 'ana', tags: ['Database'] }),
    alert('p1', { priority: 'P1', createdAt: at(2), teams: ['t-ops'] }),
    alert('p2-acked', {
      priority: 'P2',
      acknowledged: true,
      responders: [{ type: 'team', name: 'payments' }],
    }),
    alert('closed', { status: 'closed', priority: 'P1', alias: 'shared' }),
    alert('reopened', { alias: 'shared', createdAt: at(9), priority: 'P5' }),
  ])
  await db.incidents.bulkPut([
    toIncidentRow(incident('i-low', { priority: 'P4' })),
    toIncidentRow(incident('i-high', { priority: 'P1' })),
    toIncidentRow(incident('i-done', { status: 'resolved' })),
  ])
  await db.activity.bulkPut(
    ['1700000000000000002', '1700000000000000001', '1700000000000000003'].map((ns, i) => ({
      id: `e${i}`,
      subject: { kind: 'alert' as const, id: 'p1' },
      subjectKind: 'alert' as const,
      subjectId: 'p1',
      kind: 'note' as const,
      action: 'AddNote',
      at: ns,
    })),
  )
  await db.services.bulkPut([
    { id: 's2', name: 'Payments', tags: [] },
    { id: 's1', name: 'Checkout', tags: [] },
  ])
  await db.onCalls.bulkPut([
    { scheduleId: 'b', scheduleName: 'Ops', at: at(0), usernames: ['ana'] },
    { scheduleId: 'a', scheduleName: 'DBA', at: at(0), usernames: [] },
  ])
})

const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id)

describe('query helpers', () => {
  it('lists open alerts most urgent first, newest first within a priority, limited', async () => {
    expect(ids(await q.openAlertsByPriority(db, 10))).toEqual([
      'p1',
      'p2-acked',
      'p3-new',
      'p3-old',
      'reopened',
    ])
    expect(ids(await q.openAlertsByPriority(db, 3))).toEqual(['p1', 'p2-acked', 'p3-new'])
  })

  it('filters by status, priority, team, owner, acknowledged and search', async () => {
    expect(ids(await q.queryAlerts(db, { status: 'closed' }, 10))).toEqual(['closed'])
    expect(ids(await q.queryAlerts(db, { priorities: ['P1'] }, 10))).toEqual(['p1', 'closed'])
    expect(ids(await q.queryAlerts(db, { team: 't-ops' }, 10))).toEqual(['p1'])
    expect(ids(await q.queryAlerts(db, { team: 'payments' }, 10))).toEqual(['p2-acked'])
    expect(ids(await q.queryAlerts(db, { owner: 'ana' }, 10))).toEqual(['p3-new'])
    expect(ids(await q.queryAlerts(db, { status: 'open', acknowledged: true }, 10))).toEqual([
      'p2-acked',
    ])
    expect(ids(await q.queryAlerts(db, { search: 'DATABASE message' }, 10))).toEqual(['p3-new'])
    expect(ids(await q.queryAlerts(db, { search: 'nothing-like-this' }, 10))).toEqual([])
  })

  it('finds an alert by id and by alias (the open one first)', async () => {
    expect((await q.alertById(db, 'p1'))?.id).toBe('p1')
    expect(await q.alertById(db, 'nope')).toBeUndefined()
    expect((await q.alertByAlias(db, 'shared'))?.id).toBe('reopened')
  })

  it('returns a timeline oldest first, incidents by status, services and on-calls in name order', async () => {
    expect((await q.timeline(db, 'alert', 'p1')).map((e) => e.id)).toEqual(['e1', 'e0', 'e2'])
    expect(await q.timeline(db, 'incident', 'p1')).toEqual([])
    expect(ids(await q.incidentsByStatus(db, 'open'))).toEqual(['i-high', 'i-low'])
    expect(ids(await q.incidentsByStatus(db, 'resolved'))).toEqual(['i-done'])
    expect(ids(await q.services(db))).toEqual(['s1', 's2'])
    expect((await q.onCalls(db)).map((o) => o.scheduleName)).toEqual(['DBA', 'Ops'])
  })

  it('hands back the most recently written cursor', async () => {
    await db.cursors.bulkPut([
      { source: 'poll', cursor: 'poll:1:1', updatedAt: 1 },
      { source: 'relay', cursor: 'relay:5', updatedAt: 2 },
    ])
    expect((await q.latestCursor(db))?.cursor).toBe('relay:5')
  })
})
