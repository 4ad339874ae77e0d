import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { GLOBAL_KEY, api, processed, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

const keys = [
  { key: GLOBAL_KEY, kind: 'global' as const },
  { key: 'create-only', kind: 'global' as const, accessRights: ['create_and_update' as const] },
  {
    key: 'paging',
    kind: 'global' as const,
    accessRights: ['read' as const, 'create_and_update' as const, 'configuration' as const],
  },
  { key: 'no-config', kind: 'global' as const, accessRights: ['read' as const, 'delete' as const] },
]

const refused = (right: string) => ({
  code: 40301,
  message: `The API key does not have ${right} access.`,
})

describe("integration access rights (Opsgenie's Read / Create and Update / Delete / Configuration)", () => {
  it('gives a key without access rights listed every right, as before', async () => {
    sim = await startTestSim({ keys, seed: 'demo' })
    expect((await api(sim, 'GET', '/v2/teams')).status).toBe(200)
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', { message: 'm' })
    expect((await api(sim, 'DELETE', `/v2/alerts/${String(alertId)}`)).status).toBe(202)
  })

  it('lets a create-and-update key create and act, and refuses its reads, deletes and configuration', async () => {
    sim = await startTestSim({ keys, seed: 'demo' })
    const created = await api(sim, 'POST', '/v2/alerts', { message: 'm' }, 'create-only')
    expect(created.status).toBe(202)
    const alias = 'ondeck-no-such-alert'
    const ack = await api(
      sim,
      'POST',
      `/v2/alerts/${alias}/acknowledge?identifierType=alias`,
      {},
      'create-only',
    )
    expect(ack.status).toBe(202)
    const read = await api(sim, 'GET', '/v2/alerts', undefined, 'create-only')
    expect(read.status).toBe(403)
    expect(read.body).toMatchObject(refused('read'))
    const del = await api(
      sim,
      'DELETE',
      `/v2/alerts/${alias}?identifierType=alias`,
      undefined,
      'create-only',
    )
    expect(del.status).toBe(403)
    expect(del.body).toMatchObject(refused('delete'))
  })

  it('refuses every configuration domain (teams, users, schedules, escalations, services) without configuration access', async () => {
    sim = await startTestSim({ keys, seed: 'demo' })
    for (const path of [
      '/v2/teams',
      '/v2/users',
      '/v2/schedules',
      '/v2/escalations',
      '/v1/services',
    ]) {
      const res = await api(sim, 'GET', path, undefined, 'no-config')
      expect(res.status, path).toBe(403)
      expect(res.body).toMatchObject(refused('configuration'))
      expect((await api(sim, 'GET', path, undefined, 'paging')).status, path).toBe(200)
    }
    expect((await api(sim, 'GET', '/v2/alerts', undefined, 'no-config')).status).toBe(200)
    const onCalls = await api(
      sim,
      'GET',
      '/v2/schedules/Platform_schedule/on-calls?scheduleIdentifierType=name&flat=true',
      undefined,
      'paging',
    )
    expect(onCalls.status).toBe(200)
  })

  it('refuses deletes to a key without delete access, and writes to one without create and update', async () => {
    sim = await startTestSim({ keys, seed: 'demo' })
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', { message: 'm' })
    const del = await api(sim, 'DELETE', `/v2/alerts/${String(alertId)}`, undefined, 'paging')
    expect(del.body).toMatchObject(refused('delete'))
    const create = await api(sim, 'POST', '/v2/alerts', { message: 'x' }, 'no-config')
    expect(create.body).toMatchObject(refused('create and update'))
    expect(
      (await api(sim, 'DELETE', `/v2/alerts/${String(alertId)}`, undefined, 'no-config')).status,
    ).toBe(202)
  })

  it('refuses an unknown access right when the simulator starts', async () => {
    await expect(
      startTestSim({ keys: [{ key: 'k', kind: 'global', accessRights: ['write' as never] }] }),
    ).rejects.toThrow(/access right/)
    sim = await startTestSim()
  })
})
