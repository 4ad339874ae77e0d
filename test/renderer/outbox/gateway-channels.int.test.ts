import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRig, until, type Rig } from './support'

/** The IPC additions the outbox relies on: note lookups and the replay priority. */
describe('gateway channels for the outbox', () => {
  let rig: Rig
  const APP = { url: 'app://ondeck' }
  beforeAll(async () => {
    rig = await startRig()
  })
  afterAll(async () => rig.close())

  it("lists an alert's and an incident's notes, and answers null for a missing one", async () => {
    const workspaceId = rig.workspaceId
    await rig.port.alerts.create({
      workspaceId,
      message: 'm',
      alias: 'n1',
      requestPriority: 'replay',
    })
    await until('alert', () => rig.sim.state.alerts.size === 1)
    await rig.port.alerts.addNote({
      workspaceId,
      alertId: 'n1',
      by: 'alias',
      note: 'hello [ondeck:x]',
    })
    await until('note', () => [...rig.sim.state.alerts.values()][0]?.notes.length === 1)
    expect(await rig.port.alerts.notes({ workspaceId, alertId: 'n1', by: 'alias' })).toMatchObject({
      ok: true,
      value: [{ note: 'hello [ondeck:x]' }],
    })
    expect(await rig.port.alerts.notes({ workspaceId, alertId: 'missing' })).toEqual({
      ok: true,
      value: null,
    })
    await rig.port.incidents.create({ workspaceId, message: 'i' })
    await until('incident', () => rig.sim.state.incidents.size === 1)
    const incidentId = [...rig.sim.state.incidents.keys()][0] ?? ''
    await rig.port.incidents.addNote({ workspaceId, incidentId, note: 'inc note' })
    await until('incident note', () => rig.sim.state.incidents.get(incidentId)?.notes.length === 1)
    expect(await rig.port.incidents.notes({ workspaceId, incidentId })).toMatchObject({
      ok: true,
      value: [{ note: 'inc note' }],
    })
  })

  it('refuses a bad lookup or an unknown priority before anything is sent', async () => {
    const workspaceId = rig.workspaceId
    expect(
      await rig.gateway.router.dispatch('alerts:notes', { workspaceId, alertId: '' }, APP),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(
      await rig.gateway.router.dispatch('incidents:notes', { workspaceId }, APP),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(
      await rig.gateway.router.dispatch(
        'alerts:close',
        { workspaceId, alertId: 'a', requestPriority: 'urgent' },
        APP,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
