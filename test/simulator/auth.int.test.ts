import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { GLOBAL_KEY, api, data, processed, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

const keys = [
  { key: GLOBAL_KEY, kind: 'global' as const },
  { key: 'team-key', kind: 'team' as const, teamName: 'Payments' },
  { key: 'account-key', kind: 'account' as const },
  { key: 'read-only', kind: 'global' as const, canWrite: false },
]

describe('authentication and key kinds', () => {
  it('answers 401 Could not authenticate for a missing or unknown key, and accepts ?apiKey=', async () => {
    sim = await startTestSim({ keys })
    for (const key of [null, 'wrong']) {
      const res = await api(sim, 'GET', '/v2/alerts', undefined, key)
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ message: 'Could not authenticate' })
      expect(typeof res.body.took).toBe('number')
      expect(res.headers.get('x-request-id')).toBe(res.body.requestId)
    }
    expect((await api(sim, 'GET', `/v2/alerts?apiKey=${GLOBAL_KEY}`, undefined, null)).status).toBe(
      200,
    )
  })

  it('refuses an account-level key on create, acknowledge, close and add note with 403 40301, but lets it read and act otherwise', async () => {
    sim = await startTestSim({ keys })
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', { message: 'm' })
    const path = `/v2/alerts/${String(alertId)}`
    const expected = {
      code: 40301,
      message: 'To perform this action, use an API key from an API integration.',
    }
    expect(
      (await api(sim, 'POST', '/v2/alerts', { message: 'x' }, 'account-key')).body,
    ).toMatchObject(expected)
    for (const action of ['acknowledge', 'close', 'notes']) {
      const res = await api(sim, 'POST', `${path}/${action}`, { note: 'n' }, 'account-key')
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject(expected)
    }
    expect((await api(sim, 'GET', path, undefined, 'account-key')).status).toBe(200)
    expect((await api(sim, 'GET', '/v2/account', undefined, 'account-key')).status).toBe(200)
    expect((await api(sim, 'POST', `${path}/tags`, { tags: ['t'] }, 'account-key')).status).toBe(
      202,
    )
  })

  it('refuses a team key on account-level endpoints and replaces its responders with its team', async () => {
    sim = await startTestSim({ keys })
    for (const path of ['/v2/account', '/v2/request-limits']) {
      const res = await api(sim, 'GET', path, undefined, 'team-key')
      expect(res.status).toBe(403)
      expect(res.body.message).toBe('Team API Keys are not authorized to perform this action.')
    }
    const { alertId } = await processed(
      sim,
      'POST',
      '/v2/alerts',
      { message: 'm', responders: [{ type: 'user', username: 'x@y.z' }] },
      'team-key',
    )
    const team = sim.state.teams.find((t) => t.name === 'Payments')
    expect(data(await api(sim, 'GET', `/v2/alerts/${String(alertId)}`)).responders).toEqual([
      { type: 'team', id: team?.id },
    ])
  })

  it('shows a team key only the alerts and incidents of its team', async () => {
    sim = await startTestSim({
      keys: [...keys, { key: 'data-key', kind: 'team', teamName: 'Data' }],
    })
    const { alertId } = await processed(
      sim,
      'POST',
      '/v2/alerts',
      { message: 'payments only' },
      'team-key',
    )
    const { alertId: other } = await processed(sim, 'POST', '/v2/alerts', {
      message: 'global, no team',
    })
    expect(
      data<{ id: string }[]>(await api(sim, 'GET', '/v2/alerts', undefined, 'team-key')).map(
        (a) => a.id,
      ),
    ).toEqual([alertId])
    expect(data<unknown[]>(await api(sim, 'GET', '/v2/alerts', undefined, 'data-key'))).toEqual([])
    expect(
      (await api(sim, 'GET', `/v2/alerts/${String(other)}`, undefined, 'team-key')).status,
    ).toBe(404)
    expect(
      await processed(sim, 'POST', `/v2/alerts/${String(other)}/acknowledge`, {}, 'team-key'),
    ).toMatchObject({ isSuccess: false })
    expect(data<unknown[]>(await api(sim, 'GET', '/v2/alerts'))).toHaveLength(2)
    const { incidentId } = await processed(
      sim,
      'POST',
      '/v1/incidents/create',
      { message: 'inc' },
      'team-key',
    )
    expect(
      (await api(sim, 'GET', `/v1/incidents/${String(incidentId)}`, undefined, 'data-key')).status,
    ).toBe(404)
    expect(
      (await api(sim, 'GET', `/v1/incidents/${String(incidentId)}`, undefined, 'team-key')).status,
    ).toBe(200)
  })

  it('refuses writes from a key without write access', async () => {
    sim = await startTestSim({ keys })
    expect((await api(sim, 'GET', '/v2/alerts', undefined, 'read-only')).status).toBe(200)
    const res = await api(sim, 'POST', '/v2/alerts', { message: 'm' }, 'read-only')
    expect(res.status).toBe(403)
  })

  it('answers 402 on the incident and service APIs when the plan lacks them', async () => {
    sim = await startTestSim({
      plan: { name: 'Essentials', incidentApi: false, serviceApi: false },
    })
    for (const [method, path] of [
      ['GET', '/v1/incidents?query=status:open'],
      ['POST', '/v1/incidents/create'],
      ['GET', '/v1/services'],
    ] as const) {
      const res = await api(sim, method, path, method === 'POST' ? { message: 'm' } : undefined)
      expect(res.status).toBe(402)
      expect(String(res.body.message)).toContain('Essentials')
    }
    expect((await api(sim, 'GET', '/v2/alerts')).status).toBe(200)
  })

  it('answers 404 for an unknown path and 405 for a known path with the wrong verb', async () => {
    sim = await startTestSim()
    expect((await api(sim, 'GET', '/v2/nothing')).status).toBe(404)
    expect((await api(sim, 'PATCH', '/v2/alerts')).status).toBe(405)
  })
})
