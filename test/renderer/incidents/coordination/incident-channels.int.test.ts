import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCommand } from '../../../../src/renderer/src/outbox/enqueue'
import { verifyEffect } from '../../../../src/renderer/src/outbox/verify-effect'
import { startScenario, until, type Scenario } from './support'

/** The incident channels coordination added: priority and description updates, and their reconciliation. */
describe('incident priority and description channels', () => {
  let s: Scenario
  let incidentId = ''
  beforeAll(async () => {
    s = await startScenario()
    await s.api.incidents.create({ workspaceId: s.rig.workspaceId, message: 'm', priority: 'P3' })
    await until('incident', () => s.rig.sim.state.incidents.size === 1)
    incidentId = [...s.rig.sim.state.incidents.keys()][0] ?? ''
  })
  afterAll(async () => s.close())

  it('updates the priority (PUT) and the description upstream', async () => {
    const workspaceId = s.rig.workspaceId
    const p = await s.api.incidents.setPriority({ workspaceId, incidentId, priority: 'P1' })
    expect(p).toMatchObject({ ok: true, value: { status: 'accepted' } })
    const d = await s.api.incidents.updateDescription({
      workspaceId,
      incidentId,
      description: 'd2',
    })
    expect(d).toMatchObject({ ok: true, value: { status: 'accepted' } })
    await until('applied', () => s.rig.sim.state.incidents.get(incidentId)?.description === 'd2')
    expect(s.rig.sim.state.incidents.get(incidentId)?.priority).toBe('P1')
  })

  it('refuses an unknown priority or an empty incident id before anything is sent', async () => {
    const workspaceId = s.rig.workspaceId
    const bad = await s.rig.gateway.router.dispatch(
      'incidents:setPriority',
      { workspaceId, incidentId, priority: 'P9' },
      { url: 'app://ondeck' },
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const empty = await s.api.incidents.updateDescription({
      workspaceId,
      incidentId: '',
      description: 'x',
    })
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('reconciles an uncertain send by the state it sets', async () => {
    const workspaceId = s.rig.workspaceId
    const state = s.rig.sim.state.incidents.get(incidentId)
    if (state === undefined) throw new Error('no incident')
    state.priority = 'P2'
    state.description = 'now'
    const check = (spec: Parameters<typeof newCommand>[0]) =>
      verifyEffect(s.rig.port, newCommand(spec, workspaceId, Date.now()))
    expect(
      await check({ kind: 'incidents:setPriority', input: { incidentId, priority: 'P2' } }),
    ).toEqual({ kind: 'applied' })
    expect(
      await check({ kind: 'incidents:setPriority', input: { incidentId, priority: 'P5' } }),
    ).toEqual({ kind: 'not-applied' })
    expect(
      await check({
        kind: 'incidents:updateDescription',
        input: { incidentId, description: 'now' },
      }),
    ).toEqual({ kind: 'applied' })
    expect(
      await check({
        kind: 'incidents:updateDescription',
        input: { incidentId: 'missing', description: 'x' },
      }),
    ).toMatchObject({ kind: 'gone' })
  })
})
