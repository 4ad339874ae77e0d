import { describe, expect, it } from 'vitest'
import { toAlertRow, toIncidentRow } from '../../../../src/renderer/src/db/derive'
import { freshDb as freshCache } from '../../sync/support'
import { created, localCoordination } from './unit-support'

describe('incident service', () => {
  it('refuses bad input and impossible transitions with a clear error', async () => {
    const { coordination: c } = await localCoordination()
    await expect(c.declare({ title: ' ', severity: 'High' })).rejects.toThrow(
      /cannot declare the incident: title is required/,
    )
    await expect(c.declare({ title: 't', severity: 'Huge' as never })).rejects.toThrow(
      /cannot declare the incident: severity/,
    )
    const i = await c.declare({ title: 't', severity: 'High' })
    await expect(c.transition(i.id, 'started')).rejects.toThrow(/from started to started/)
    await expect(c.assignRole(i.id, 'Pilot', 'a')).rejects.toThrow(
      /no role "Pilot"; roles are Commander/,
    )
    await expect(c.incident('nope')).rejects.toThrow(/no incident nope/)
  })

  it('queues each Opsgenie incident update once, and reopens it when the incident starts again', async () => {
    const { coordination: c, queued } = await localCoordination()
    const i = await c.declare({ title: 't', severity: 'High', createOpsgenieIncident: true })
    await c.changeSeverity(i.id, 'High')
    await c.changeSeverity(i.id, 'Critical')
    await c.addResponders(i.id, [{ type: 'team', name: 'Ops' }])
    await c.addResponders(i.id, [{ type: 'team', name: 'ops' }])
    await c.resolve(i.id)
    await c.transition(i.id, 'started')
    await c.resolve(i.id)
    expect(await queued()).toEqual([
      'incidents:create',
      'incidents:setPriority',
      'incidents:addResponders',
      'incidents:resolve',
      'incidents:reopen',
      'incidents:resolve',
    ])
    const commander = (await c.roles())[0]
    expect(commander?.name).toBe('Commander')
    const held = await c.assignRole(i.id, 'commander', 'ana')
    expect(held.roles['commander']?.username).toBe('ana')
  })

  it("shows a service's open incidents and alerts", async () => {
    const { coordination: c, db } = await localCoordination()
    const cache = await freshCache()
    await db.services.put({
      key: `${c.workspaceId}|svc-1`,
      workspaceId: c.workspaceId,
      id: 'svc-1',
      name: 'Checkout',
      tags: [],
      importedAt: 0,
    })
    const open = await c.declare({ title: 'open', severity: 'High', serviceIds: ['svc-1'] })
    const done = await c.declare({ title: 'done', severity: 'High', serviceIds: ['svc-1'] })
    await c.resolve(done.id)
    const paged = await c.page(open.id, [{ type: 'team', name: 'Ops' }])
    await c.onIngestChanges([created(String(paged.alias))])
    const linked = created(String(paged.alias)).alert
    const tagged = toAlertRow({ ...created('x', { tags: ['Checkout'] }).alert })
    const closed = toAlertRow({ ...created('y', { tags: ['Checkout'], status: 'closed' }).alert })
    await cache.alerts.bulkPut([linked, tagged, closed])
    const now = new Date().toISOString()
    const og = {
      tinyId: '1',
      message: 'm',
      priority: 'P1' as const,
      tags: [],
      responders: [],
      createdAt: now,
      updatedAt: now,
    }
    await cache.incidents.bulkPut([
      toIncidentRow({ ...og, id: 'og-1', status: 'open', impactedServices: ['svc-1'] }),
      toIncidentRow({ ...og, id: 'og-2', status: 'resolved', impactedServices: ['svc-1'] }),
    ])
    const view = await c.serviceOverview(cache, 'svc-1')
    expect(view.service?.name).toBe('Checkout')
    expect(view.incidents.map((x) => x.title)).toEqual(['open'])
    expect(view.opsgenieIncidents.map((x) => x.id)).toEqual(['og-1'])
    expect(view.openAlerts.map((a) => a.id).sort()).toEqual([linked.id, tagged.id].sort())
    cache.close()
  })
})
