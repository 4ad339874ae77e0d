import { afterEach, describe, expect, it } from 'vitest'
import { createIngest } from '../../../../src/renderer/src/sync'
import { freshDb as freshCache, relayEvent, webhook } from '../../sync/support'
import { drained, startScenario, type Scenario } from './support'

const alertsTo = (s: Scenario, type: string, name: string) =>
  [...s.rig.sim.state.alerts.values()].filter((a) =>
    a.responders.some((r) => r.type === type && r.name === name),
  )

const incidentOf = (s: Scenario, commandId: string | undefined) =>
  [...s.rig.sim.state.incidents.values()].find((i) =>
    i.tags.includes(`ondeck-${String(commandId)}`),
  )

describe('incident coordination against the simulator', () => {
  let s: Scenario
  afterEach(async () => s.close())

  it('a Critical incident tagged security pages Infrastructure and Security at P1, each once', async () => {
    s = await startScenario()
    const c = s.coordination
    await c.saveWorkflow({
      id: 'critical-infra',
      name: 'Critical pages Infrastructure',
      trigger: 'incident-declared',
      conditions: [{ field: 'severity', in: ['Critical'] }],
      actions: [{ type: 'page', target: 'schedule', ref: { name: 'Infrastructure' } }],
    })
    await c.saveWorkflow({
      id: 'tag-security',
      name: 'tag security pages Security',
      trigger: 'incident-declared',
      conditions: [{ field: 'tag', in: ['security'] }],
      actions: [{ type: 'page', target: 'schedule', ref: { name: 'Security' } }],
    })
    const incident = await c.declare({
      title: 'Credential leak',
      severity: 'Critical',
      tags: ['security'],
    })
    await drained(s)
    const infra = alertsTo(s, 'schedule', 'Infrastructure')
    const security = alertsTo(s, 'schedule', 'Security')
    expect(infra.map((a) => a.priority)).toEqual(['P1'])
    expect(security.map((a) => a.priority)).toEqual(['P1'])
    expect(s.rig.sim.state.alerts.size).toBe(2)
    expect(infra[0]?.details['ondeckIncidentId']).toBe(incident.id)
    const runs = (await c.timeline(incident.id)).filter((e) => e.kind === 'workflow-run')
    expect(runs.map((r) => r.text).join('\n')).toMatch(/paged schedule Infrastructure at P1/)
    expect(runs.map((r) => r.text).join('\n')).toMatch(/paged schedule Security at P1/)
  })

  it('severity changes move the linked Opsgenie incident priority; resolving resolves it once', async () => {
    s = await startScenario()
    const c = s.coordination
    const declared = await c.declare({
      title: 'Checkout errors',
      severity: 'High',
      responders: [{ type: 'team', name: 'Ops' }],
      createOpsgenieIncident: true,
    })
    await drained(s)
    const upstream = () => incidentOf(s, declared.createCommandId)
    expect(upstream()?.priority).toBe('P2')
    expect(upstream()?.responders.map((r) => r.name)).toEqual(['Ops'])
    await c.changeSeverity(declared.id, 'Critical')
    await drained(s)
    expect(upstream()?.priority).toBe('P1')
    await c.changeSeverity(declared.id, 'Low')
    await c.changeDescription(declared.id, 'Payments provider timing out')
    await drained(s)
    expect(upstream()?.priority).toBe('P4')
    expect(upstream()?.description).toBe('Payments provider timing out')
    await c.transition(declared.id, 'mitigated')
    expect(upstream()?.status).toBe('open')
    await c.resolve(declared.id)
    await drained(s)
    expect(upstream()?.status).toBe('resolved')
    const resolves = (await s.outboxDb.commands.toArray()).filter(
      (r) => r.kind === 'incidents:resolve',
    )
    expect(resolves).toHaveLength(1)
    const texts = (await c.timeline(declared.id)).map((e) => e.text)
    // the default workflow is the one place that resolves it
    expect(texts.some((t) => t.includes('done: resolved the linked Opsgenie incident'))).toBe(true)
  })

  it('an inbound Acknowledge on a linked alert reaches the timeline; a repeated Create creates nothing', async () => {
    s = await startScenario()
    const c = s.coordination
    const cache = await freshCache()
    const ingest = createIngest(cache)
    const feed = async (body: string): Promise<void> => {
      const { changes } = await ingest.applyBatch([relayEvent(body)])
      await c.onIngestChanges(changes)
    }
    const incident = await c.declare({ title: 'Disk full', severity: 'Medium' })
    const paged = await c.page(incident.id, [{ type: 'team', name: 'Ops' }])
    await drained(s)
    const alert = [...s.rig.sim.state.alerts.values()][0]
    if (alert === undefined) throw new Error('the page opened no alert')
    expect(alert.alias).toBe(paged.alias)
    const base = { alias: alert.alias, message: alert.message, priority: 'P3', tags: alert.tags }
    const ns = (ms: number): string => `${ms}000000`
    const t0 = Date.now()
    await feed(webhook('Create', alert.id, ns(t0), base))
    await feed(
      webhook('Acknowledge', alert.id, ns(t0 + 1), { ...base, username: 'alice@example.com' }),
    )
    await feed(
      webhook('AssignOwnership', alert.id, ns(t0 + 2), { ...base, owner: 'sam@example.com' }),
    )
    const commandsBefore = await s.outboxDb.commands.count()
    await feed(webhook('Create', alert.id, ns(t0), base))
    await feed(webhook('Create', alert.id, ns(t0 + 3), base))
    await feed(webhook('Close', alert.id, ns(t0 + 4), base))
    const timeline = await c.timeline(incident.id)
    const upstream = timeline.filter((e) => e.source === 'upstream').map((e) => e.kind)
    expect(upstream).toEqual([
      'alert-created',
      'alert-acknowledged',
      'alert-assigned',
      'alert-closed',
    ])
    expect(await c.linkedAlerts(incident.id)).toMatchObject([
      { alertId: alert.id, status: 'closed' },
    ])
    expect(s.rig.sim.state.alerts.size).toBe(1)
    expect(await cache.alerts.count()).toBe(1)
    expect(await s.outboxDb.commands.count()).toBe(commandsBefore)
    cache.close()
  })

  it('the on-call user of a schedule becomes Commander, and on-call responders join the incident', async () => {
    s = await startScenario()
    s.rig.sim.state.services.push({
      id: 'svc-api',
      name: 'API',
      description: '',
      teamId: 't-ops',
      tags: [],
    })
    const c = s.coordination
    await c.importServices()
    await c.saveWorkflow({
      id: 'commander',
      name: 'Infrastructure on-call commands',
      trigger: 'incident-declared',
      actions: [
        { type: 'assign-oncall-role', schedule: { name: 'Infrastructure' }, role: 'Commander' },
      ],
    })
    const incident = await c.declare({
      title: 'API latency',
      severity: 'High',
      serviceIds: ['svc-api'],
      createOpsgenieIncident: true,
    })
    const commander = (await c.roles()).find((r) => r.name === 'Commander')
    expect(incident.roles[commander?.id ?? '']?.username).toBe('alice@example.com')
    expect(incident.responders).toEqual([{ type: 'user', name: 'alice@example.com' }])
    await drained(s)
    expect(incidentOf(s, incident.createCommandId)?.responders.map((r) => r.name)).toEqual([
      'alice@example.com',
    ])
    // the imported service chosen on Declare is the Opsgenie incident's impacted service
    expect(incidentOf(s, incident.createCommandId)?.impactedServices).toEqual(['svc-api'])
    const texts = (await c.timeline(incident.id)).map((e) => e.text)
    expect(texts).toContain('alice@example.com is Commander (on call for Infrastructure)')
  })

  it('paging the same team twice pages once by default and twice with re-paging on', async () => {
    s = await startScenario()
    const c = s.coordination
    const ops = [{ type: 'team' as const, name: 'Ops' }]
    const first = await c.declare({ title: 'Queue backlog', severity: 'High' })
    await c.page(first.id, ops)
    const again = await c.page(first.id, ops)
    expect(again.commandId).toBeUndefined()
    await drained(s)
    expect(alertsTo(s, 'team', 'Ops')).toHaveLength(1)

    await c.updateSettings({ repageExistingResponders: true })
    const second = await c.declare({ title: 'Queue backlog again', severity: 'High' })
    await c.page(second.id, ops)
    await c.page(second.id, ops)
    await drained(s)
    expect(alertsTo(s, 'team', 'Ops')).toHaveLength(3)
    expect(alertsTo(s, 'team', 'Ops').map((a) => a.priority)).toEqual(['P2', 'P2', 'P2'])
  })
})
