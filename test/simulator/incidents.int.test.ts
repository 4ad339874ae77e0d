import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, data, pollUntil, processed, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

describe('incidents', () => {
  it('creates asynchronously with impactedServices or the legacy serviceId', async () => {
    sim = await startTestSim({ seed: 'demo', processingDelayMs: 100 })
    const service = sim.state.services[0]
    const accepted = await api(sim, 'POST', '/v1/incidents/create', {
      message: 'Checkout degraded',
      priority: 'P2',
      impactedServices: [service?.id],
      responders: [{ type: 'team', name: 'Payments' }],
      details: { region: 'eu' },
    })
    expect(accepted.status).toBe(202)
    const early = await api(sim, 'GET', `/v1/incidents/requests/${String(accepted.body.requestId)}`)
    expect(early.status).toBe(404)
    expect(early.headers.get('x-opsgenie-errortype')).toBe('RequestNotProcessed')
    const status = await pollUntil<Record<string, unknown>>(async () => {
      const res = await api(sim, 'GET', `/v1/incidents/requests/${String(accepted.body.requestId)}`)
      return res.status === 200 ? data(res) : undefined
    })
    expect(status).toMatchObject({
      isSuccess: true,
      success: true,
      action: 'Create',
      status: 'Created incident',
    })
    const incident = data(await api(sim, 'GET', `/v1/incidents/${String(status.incidentId)}`))
    expect(incident).toMatchObject({
      message: 'Checkout degraded',
      status: 'open',
      priority: 'P2',
      impactedServices: [service?.id],
      extraProperties: { region: 'eu' },
    })
    const legacy = await processed(sim, 'POST', '/v1/incidents/create', {
      message: 'legacy',
      serviceId: 'svc-1',
    })
    expect(
      data(await api(sim, 'GET', `/v1/incidents/${String(legacy.incidentId)}`)).impactedServices,
    ).toEqual(['svc-1'])
    const tiny = String(
      data(await api(sim, 'GET', `/v1/incidents/${String(legacy.incidentId)}`)).tinyId,
    )
    expect(data(await api(sim, 'GET', `/v1/incidents/${tiny}?identifierType=tiny`)).id).toBe(
      legacy.incidentId,
    )
  })

  it('refuses non team/user responders and a list without query', async () => {
    sim = await startTestSim()
    const bad = await api(sim, 'POST', '/v1/incidents/create', {
      message: 'm',
      responders: [{ type: 'schedule', name: 's' }],
    })
    expect(bad.status).toBe(422)
    const list = await api(sim, 'GET', '/v1/incidents')
    expect(list.status).toBe(422)
    expect(list.body.message).toBe('Query field cannot be empty.')
  })

  it('resolves, closes and reopens, adds notes and responders under either key, and updates priority with PUT or POST', async () => {
    sim = await startTestSim({ seed: 'demo' })
    const { incidentId } = await processed(sim, 'POST', '/v1/incidents/create', { message: 'm' })
    const path = `/v1/incidents/${String(incidentId)}`
    await processed(sim, 'POST', `${path}/notes`, { note: 'first note' })
    await processed(sim, 'POST', `${path}/responders`, {
      responder: [{ type: 'team', name: 'Data' }],
    })
    await processed(sim, 'POST', `${path}/responders`, {
      responders: [{ type: 'user', username: 'alice@example.com' }],
    })
    await processed(sim, 'PUT', `${path}/priority`, { priority: 'P1' })
    expect(data(await api(sim, 'GET', path)).priority).toBe('P1')
    await processed(sim, 'POST', `${path}/priority`, { priority: 'P4' })
    expect(await processed(sim, 'POST', `${path}/resolve`, { note: 'fixed' })).toMatchObject({
      isSuccess: true,
    })
    expect(await processed(sim, 'POST', `${path}/resolve`, {})).toMatchObject({ isSuccess: false })
    await processed(sim, 'POST', `${path}/reopen`, {})
    await processed(sim, 'POST', `${path}/close`, {})
    const incident = data(await api(sim, 'GET', path))
    expect(incident).toMatchObject({ status: 'closed', priority: 'P4' })
    expect((incident.responders as { type: string }[]).map((r) => r.type).sort()).toEqual([
      'team',
      'user',
    ])
    const notes = data<{ note: string }[]>(await api(sim, 'GET', `${path}/notes?order=asc`))
    expect(notes.map((n) => n.note)).toEqual(['first note', 'fixed'])
    expect(data(await api(sim, 'GET', `${path}/associated-alert-ids`))).toEqual([])
    expect(await processed(sim, 'POST', '/v1/incidents/nope/close', {})).toMatchObject({
      isSuccess: false,
      status: 'Incident does not exist',
      incidentId: '',
    })
  })

  it('lists with a query and absolute paging', async () => {
    sim = await startTestSim({ seed: 'demo' })
    const open = await api(sim, 'GET', '/v1/incidents?query=status%3Aopen&limit=1')
    expect(data<{ status: string }[]>(open).map((i) => i.status)).toEqual(['open'])
    const all = await api(
      sim,
      'GET',
      `/v1/incidents/?query=${encodeURIComponent('status:open OR status:resolved')}&limit=1`,
    )
    expect((all.body.paging as { next?: string }).next).toBe(
      `${sim.url}/v1/incidents?query=status%3Aopen+OR+status%3Aresolved&offset=1&limit=1`,
    )
  })
})
