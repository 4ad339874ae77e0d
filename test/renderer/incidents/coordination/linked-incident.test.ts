import { describe, expect, it } from 'vitest'
import type { Incident } from '../../../../src/shared/domain'
import { toIncidentRow } from '../../../../src/renderer/src/db/derive'
import { ok } from '../../../../src/shared/ipc/envelope'
import { localCoordination } from './unit-support'

const now = new Date().toISOString()
const upstream = (over: Partial<Incident> = {}): Incident => ({
  id: 'og-1',
  tinyId: '12',
  message: 'Payments down',
  status: 'open',
  priority: 'P2',
  tags: [],
  responders: [],
  impactedServices: [],
  createdAt: now,
  updatedAt: now,
  ...over,
})

const port = {
  incidents: {
    get: async (input: { incidentId: string }) =>
      ok(input.incidentId === 'og-1' ? upstream() : null),
    list: async () => ok({ items: [upstream()] }),
  },
}

describe('linking an existing Opsgenie incident', () => {
  it('links by id after reading it, and refuses an unknown id or a second link', async () => {
    const { coordination: c, queued } = await localCoordination({ port })
    const a = await c.declare({ title: 'Payments', severity: 'High' })
    const b = await c.declare({ title: 'Payments again', severity: 'High' })
    await expect(c.linkOpsgenieIncident(a.id, 'og-404')).rejects.toThrow(/no incident og-404/)
    const linked = await c.linkOpsgenieIncident(a.id, ' og-1 ')
    expect(linked).toMatchObject({ opsgenieIncidentId: 'og-1', opsgenieStatus: 'open' })
    await expect(c.linkOpsgenieIncident(a.id, 'og-1')).rejects.toThrow(/already linked/)
    await expect(c.linkOpsgenieIncident(b.id, 'og-1')).rejects.toThrow(/linked to "Payments"/)
    expect((await c.timeline(a.id)).map((e) => e.text)).toContain(
      'Linked Opsgenie incident #12 "Payments down" (open, P2)',
    )
    expect(await c.searchOpsgenieIncidents('')).toHaveLength(1)
    // linking sends nothing; later changes do
    expect(await queued()).toEqual([])
    await c.changeSeverity(a.id, 'Critical')
    expect(await queued()).toEqual(['incidents:setPriority'])
  })

  it('follows only changes the cache saw happen, so a stale read undoes no local edit', async () => {
    const { coordination: c, queued } = await localCoordination({ port })
    const i = await c.declare({ title: 'Payments', severity: 'High' })
    await c.linkOpsgenieIncident(i.id, 'og-1')
    await c.changeSeverity(i.id, 'Critical') // P1 queued, Opsgenie still says P2
    const stale = toIncidentRow(upstream())
    await c.onIngestChanges([], [{ before: stale, incident: stale }])
    await c.onIngestChanges([], [{ incident: stale }])
    expect((await c.incident(i.id)).severity).toBe('Critical')
    const lowered = toIncidentRow(upstream({ priority: 'P5', updatedAt: '2030-01-01T00:00:00Z' }))
    await c.onIngestChanges([], [{ before: stale, incident: lowered }])
    await c.onIngestChanges([], [{ before: stale, incident: lowered }])
    expect((await c.incident(i.id)).severity).toBe('Informational')
    const upstreamEntries = (await c.timeline(i.id)).filter((e) => e.source === 'upstream')
    expect(upstreamEntries).toHaveLength(1)
    expect(await queued()).toEqual(['incidents:setPriority'])
  })
})
