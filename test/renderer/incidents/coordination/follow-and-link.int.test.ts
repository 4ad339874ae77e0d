import { afterEach, describe, expect, it } from 'vitest'
import type { Incident } from '../../../../src/shared/domain'
import type { IntakeEvent } from '../../../../src/shared/ipc/schemas'
import { createIngest } from '../../../../src/renderer/src/sync'
import { drained, startScenario, until, type Scenario } from './support'

/** Reads an envelope's value or fails the test with its message. */
async function value<T>(
  answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const a = await answer
  if (!a.ok) throw new Error(a.error.message)
  return a.value
}

let cursor = 0
/** The incident as main's poller hands it over (a domain `incident` event). */
const polled = (incident: Incident): IntakeEvent => ({
  workspaceId: 'w',
  cursor: `poll:${++cursor}:${cursor}`,
  source: 'poll',
  receivedAt: Date.now(),
  payload: { kind: 'incident', incident },
})

describe('coordination keeps its promises against the simulator', () => {
  let s: Scenario
  afterEach(async () => s.close())

  it('a severity change moves the priority of the alert the incident paged', async () => {
    s = await startScenario()
    const c = s.coordination
    const incident = await c.declare({ title: 'Checkout errors', severity: 'High' })
    await c.page(incident.id, [{ type: 'team', name: 'Ops' }])
    await drained(s)
    await c.changeSeverity(incident.id, 'Critical')
    await drained(s)
    expect([...s.rig.sim.state.alerts.values()].map((a) => a.priority)).toEqual(['P1'])
  })

  it('with the resolve workflow disabled, resolving locally leaves the Opsgenie incident open', async () => {
    s = await startScenario()
    const c = s.coordination
    const builtin = (await c.workflows()).find((w) => w.builtin === 'resolve-opsgenie-incident')
    if (builtin === undefined) throw new Error('no default resolve workflow')
    await c.saveWorkflow({ ...builtin, enabled: false })
    const local = await c.declare({ title: 'API', severity: 'High', createOpsgenieIncident: true })
    await c.resolve(local.id)
    await c.transition(local.id, 'started')
    await drained(s)
    expect([...s.rig.sim.state.incidents.values()].map((i) => i.status)).toEqual(['open'])
    const kinds = (await s.outboxDb.commands.toArray()).map((cmd) => cmd.kind)
    expect(kinds).toEqual(['incidents:create'])
  })

  it('attach then page: a team already on the attached alert is not paged again', async () => {
    s = await startScenario()
    const ws = s.rig.workspaceId
    await s.cache.teams.bulkPut(await value(s.api.directory.teams({ workspaceId: ws })))
    await value(
      s.api.alerts.create({
        workspaceId: ws,
        message: 'CPU high on web-3',
        responders: [{ type: 'team', name: 'Ops' }],
      }),
    )
    await until('the alert is raised', () => s.rig.sim.state.alerts.size === 1)
    const raised = [...s.rig.sim.state.alerts.values()][0]
    if (raised === undefined) throw new Error('no alert raised')
    const c = s.coordination
    const incident = await c.declare({ title: 'Web slow', severity: 'High' })
    await c.attachAlert(incident.id, { alertId: raised.id })
    const r = await c.page(incident.id, [
      { type: 'team', name: 'Ops' },
      { type: 'team', name: 'SecTeam' },
    ])
    expect(r.skipped).toEqual([{ type: 'team', name: 'Ops' }])
    await drained(s)
    expect(s.rig.sim.state.alerts.size).toBe(2)
  })

  it('links an existing Opsgenie incident found by search, and follows it back once', async () => {
    s = await startScenario()
    const ws = s.rig.workspaceId
    await value(
      s.api.incidents.create({ workspaceId: ws, message: 'Payments down', priority: 'P2' }),
    )
    const c = s.coordination
    const found = await c.searchOpsgenieIncidents('status:open')
    const upstream = found.find((i) => i.message === 'Payments down')
    if (upstream === undefined) throw new Error('search did not find the incident')
    const local = await c.declare({ title: 'Payments', severity: 'High' })
    await c.linkOpsgenieIncident(local.id, upstream.id)
    expect((await c.incident(local.id)).opsgenieIncidentId).toBe(upstream.id)

    const ingest = createIngest(s.cache)
    const feed = async (): Promise<void> => {
      const now = await value(s.api.incidents.get({ workspaceId: ws, incidentId: upstream.id }))
      if (now === null) throw new Error('incident gone')
      const result = await ingest.applyBatch([polled(now)])
      await c.onIngestChanges(result.changes, result.incidents)
    }
    await feed()
    const commandsBefore = await s.outboxDb.commands.count()
    // someone changes the priority, then resolves it, inside Opsgenie
    await value(
      s.api.incidents.setPriority({ workspaceId: ws, incidentId: upstream.id, priority: 'P4' }),
    )
    await feed()
    await value(s.api.incidents.resolve({ workspaceId: ws, incidentId: upstream.id }))
    await feed()
    await feed()
    let after = await c.incident(local.id)
    expect(after).toMatchObject({ status: 'resolved', severity: 'Low', opsgenieStatus: 'resolved' })
    // nothing went back to Opsgenie: the default resolve workflow saw it resolved already
    expect(await s.outboxDb.commands.count()).toBe(commandsBefore)
    await value(s.api.incidents.reopen({ workspaceId: ws, incidentId: upstream.id }))
    await feed()
    after = await c.incident(local.id)
    expect(after.status).toBe('started')
    expect(await s.outboxDb.commands.count()).toBe(commandsBefore)
    const upstreamEntries = (await c.timeline(local.id)).filter((e) => e.source === 'upstream')
    expect(upstreamEntries.map((e) => e.text)).toEqual([
      'Opsgenie incident priority changed to P4: severity High to Low',
      'Opsgenie incident resolved: incident resolved',
      'Opsgenie incident reopened: incident started again',
    ])
  })

  it('follows the Opsgenie incident it created, and its own changes come back as no-ops', async () => {
    s = await startScenario()
    const c = s.coordination
    const local = await c.declare({ title: 'API', severity: 'High', createOpsgenieIncident: true })
    await drained(s)
    const upstream = [...s.rig.sim.state.incidents.values()][0]
    if (upstream === undefined) throw new Error('no incident created')
    const ingest = createIngest(s.cache)
    const feed = async (): Promise<void> => {
      const ws = s.rig.workspaceId
      const now = await value(s.api.incidents.get({ workspaceId: ws, incidentId: upstream.id }))
      if (now === null) throw new Error('incident gone')
      const result = await ingest.applyBatch([polled(now)])
      await c.onIngestChanges(result.changes, result.incidents)
    }
    await feed()
    expect((await c.incident(local.id)).opsgenieIncidentId).toBe(upstream.id)
    await c.changeSeverity(local.id, 'Critical')
    await c.resolve(local.id)
    await drained(s)
    await feed()
    const commands = await s.outboxDb.commands.count()
    expect(await c.incident(local.id)).toMatchObject({ status: 'resolved', severity: 'Critical' })
    expect((await c.timeline(local.id)).filter((e) => e.source === 'upstream')).toEqual([])
    expect(await s.outboxDb.commands.count()).toBe(commands)
  })
})
