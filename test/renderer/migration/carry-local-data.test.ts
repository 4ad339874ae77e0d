import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { readTimeline } from '../../../src/renderer/src/db/alert-reads'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import {
  CoordinationDb,
  coordinationDbName,
} from '../../../src/renderer/src/incidents/coordination/coordination-db'
import { carryLocalData, MOVE_REPORT_KEY } from '../../../src/renderer/src/migration/move-workspace'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { makeAlert } from '../notifications/alert-fixture'

async function open(): Promise<{
  workspaceId: string
  cache: CacheDb
  coordination: CoordinationDb
  outbox: OutboxDb
}> {
  const workspaceId = `mv-${randomUUID().slice(0, 8)}`
  return {
    workspaceId,
    cache: await new CacheDb(workspaceId).openOrExplain(),
    coordination: await new CoordinationDb(coordinationDbName(workspaceId)).openOrExplain(),
    outbox: await new OutboxDb(`outbox-${workspaceId}`).openOrExplain(),
  }
}

const note = (alertId: string, n: number) => ({
  id: `${alertId}|AddNote|${n}`,
  subject: { kind: 'alert' as const, id: alertId },
  subjectKind: 'alert' as const,
  subjectId: alertId,
  kind: 'note' as const,
  action: 'AddNote',
  actor: 'bashir@example.com',
  at: `${1_764_000_000_000 + n}000000`,
  text: `note ${n}`,
})

describe('carrying the local data over to JSM ids (fake IndexedDB)', () => {
  it('keeps matched alerts’ timelines and notes under their JSM id, keeps the unmatched, re-links incidents and re-targets workflows', async () => {
    const { workspaceId, cache, coordination, outbox } = await open()
    const og1 = makeAlert({ id: 'og-1', alias: 'db-1', message: 'Disk full' })
    const og2 = makeAlert({ id: 'og-2', alias: 'gone', message: 'Only on Opsgenie' })
    const created = { at: '1764000000000000000', action: 'Create', keys: ['k1'] }
    await cache.alerts.bulkPut([{ ...toAlertRow(og1), created }, toAlertRow(og2)])
    await cache.activity.bulkPut([note('og-1', 1), note('og-1', 2), note('og-2', 3)])
    await cache.teams.put({ id: 'og-team', name: 'Platform' } as never)
    await coordination.linkedAlerts.bulkPut([
      {
        key: 'id:og-1',
        incidentId: 'inc-1',
        alertId: 'og-1',
        responders: [],
        status: 'open',
        acknowledged: false,
        causedBy: [],
        linkedAt: 1,
      },
    ])
    await coordination.workflows.put({
      id: 'wf',
      name: 'Page platform',
      enabled: true,
      trigger: 'incident-declared',
      match: 'all',
      conditions: [],
      actions: [{ type: 'page', target: 'team', ref: { id: 'og-team' } }],
      workspaceId,
    })
    await outbox.commands.add(
      newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'og-1' } }, workspaceId, 1),
    )

    const jsm1 = makeAlert({ id: 'jsm-1', alias: 'db-1', message: 'Disk full' })
    const report = await carryLocalData(
      { cache, coordination, outbox },
      workspaceId,
      {
        alerts: [jsm1],
        directory: {
          teams: [{ id: 'ari-team', name: 'Platform' }],
          schedules: [],
          escalations: [],
          users: [],
        },
      },
      42,
    )

    expect(await cache.alerts.get('og-1')).toBeUndefined()
    const timeline = await readTimeline(cache, 'alert', 'jsm-1')
    expect(timeline.map((e) => e.text ?? e.action)).toEqual(['Create', 'note 1', 'note 2'])
    expect(timeline.map((e) => e.id)).toContain('jsm-1|AddNote|2')
    expect(await cache.alerts.get('og-2')).toBeDefined()
    expect((await readTimeline(cache, 'alert', 'og-2')).map((e) => e.text)).toEqual(['note 3'])
    expect(await coordination.linkedAlerts.toArray()).toMatchObject([
      { key: 'id:jsm-1', alertId: 'jsm-1', incidentId: 'inc-1' },
    ])
    expect((await coordination.workflows.get('wf'))?.actions).toEqual([
      { type: 'page', target: 'team', ref: { id: 'ari-team', name: 'Platform' } },
    ])
    expect(report).toMatchObject({
      movedAt: 42,
      alerts: { matchedByAlias: 1, matchedByMessage: 0, unmatched: [{ from: 'og-2' }] },
      incidents: { relinked: 1, lost: [] },
      workflows: { resolved: 1, changed: 1, unmatched: [] },
      outboxHeld: 1,
    })
    expect((await cache.settings.get(MOVE_REPORT_KEY))?.value).toEqual(report)
  })
})
