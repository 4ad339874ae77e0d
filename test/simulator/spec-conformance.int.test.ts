import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Exchange, RunningSimulator } from '../../src/simulator/index'
import { api, processed, startTestSim } from './helpers'
import { loadSpecChecker } from './spec'

let sim: RunningSimulator
const exchanges: Exchange[] = []
beforeAll(async () => {
  sim = await startTestSim({ seed: 'demo', onExchange: (e) => exchanges.push(e) })
})
afterAll(async () => {
  await sim.close()
})

describe('responses conform to swagger-with-services.json', () => {
  it('validates every exchange of a tour through the endpoints the client uses', async () => {
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', {
      message: 'spec tour',
      alias: 'tour',
      tags: ['t'],
    })
    const path = `/v2/alerts/${String(alertId)}`
    await processed(sim, 'POST', `${path}/acknowledge`, { note: 'n' })
    await processed(sim, 'POST', `${path}/notes`, { note: 'n2' })
    await processed(sim, 'PUT', `${path}/priority`, { priority: 'P2' })
    const { incidentId } = await processed(sim, 'POST', '/v1/incidents/create', { message: 'inc' })
    await processed(sim, 'POST', `/v1/incidents/${String(incidentId)}/close`, {})
    const schedule = sim.state.schedules[0]?.id ?? ''
    const service = sim.state.services[0]?.id ?? ''
    const team = sim.state.teams[0]?.id ?? ''
    for (const p of [
      '/v2/alerts?limit=5',
      '/v2/alerts/count?query=status:open',
      path,
      `${path}/notes`,
      `${path}/logs`,
      '/v2/alerts/tour?identifierType=alias',
      '/v1/incidents?query=status:open',
      `/v1/incidents/${String(incidentId)}`,
      '/v1/services?limit=3',
      `/v1/services/${service}`,
      '/v2/teams',
      `/v2/teams/${team}`,
      '/v2/users?limit=3',
      '/v2/schedules?expand=rotation',
      `/v2/schedules/${schedule}`,
      `/v2/schedules/${schedule}/on-calls?flat=true`,
      `/v2/schedules/${schedule}/on-calls`,
      `/v2/schedules/${schedule}/next-on-calls?flat=true`,
      `/v2/schedules/${schedule}/next-on-calls`,
      '/v2/escalations',
      '/v2/account',
      '/v2/request-limits',
      '/v2/alerts/nope',
      '/v2/alerts?query=(',
      '/v1/incidents',
    ])
      await api(sim, 'GET', p)
    await api(sim, 'POST', '/v2/alerts', { alias: 'no message' })
    await api(sim, 'GET', '/v2/alerts', undefined, 'bad-key')
    const check = loadSpecChecker()
    const problems = exchanges.flatMap((e) => check(e.method, e.path, e.status, e.responseBody))
    expect(problems).toEqual([])
    expect(exchanges.length).toBeGreaterThan(35)
    expect(exchanges.every((e) => typeof e.responseHeaders['X-Request-ID'] === 'string')).toBe(true)
  })
})
