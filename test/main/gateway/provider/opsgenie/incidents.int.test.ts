import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import {
  isOpsgenieError,
  type OpsgenieClient,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { clientFor, startSim, thrown } from './support'

let sim: RunningSimulator
let og: OpsgenieClient

beforeAll(async () => {
  sim = await startSim()
  og = clientFor(sim)
})
afterAll(async () => {
  await sim.close()
})

async function confirm(accepted: Promise<{ requestId: string }>): Promise<string | undefined> {
  const outcome = await og.incidents.waitForRequest((await accepted).requestId, {
    timeoutMs: 5000,
    intervalMs: 20,
  })
  expect(outcome, outcome.status).toMatchObject({ state: 'processed', isSuccess: true })
  return outcome.incidentId
}

describe('incidents over HTTP', () => {
  it('creates with every field, reads by id and tiny id, lists by query', async () => {
    const services = (await og.config.listServices()).items
    const [team] = await og.config.listTeams()
    const id = await confirm(
      og.incidents.create({
        message: 'Checkout degraded',
        description: 'p95 > 3s',
        responders: [{ type: 'team', name: team?.name }],
        tags: ['checkout'],
        details: { region: 'eu' },
        priority: 'P2',
        impactedServices: [services[0]?.id ?? ''],
        note: 'opened by test',
        notifyStakeholders: false,
      }),
    )
    expect(id).toBeDefined()
    const incident = await og.incidents.get(id ?? '')
    expect(incident).toMatchObject({
      id,
      message: 'Checkout degraded',
      priority: 'P2',
      tags: ['checkout'],
      extraProperties: { region: 'eu' },
      impactedServices: [services[0]?.id],
    })
    expect((await og.incidents.get({ tinyId: incident.tinyId ?? '' })).id).toBe(id)
    const open = await og.incidents.list({ query: 'status:open', limit: 100 })
    expect(open.map((i) => i.id)).toContain(id)
  })

  it('adds a note and responders, resolves, reopens and closes', async () => {
    const id = (await confirm(og.incidents.create({ message: 'Lifecycle incident' }))) ?? ''
    const users = (await og.config.listUsers({ limit: 2 })).users
    await confirm(og.incidents.addNote(id, { note: 'looking' }))
    expect(sim.state.incidents.get(id)?.notes.map((n) => n.note)).toContain('looking')
    await confirm(
      og.incidents.addResponders(id, {
        responders: [{ type: 'user', username: users[1]?.username }],
        note: 'paging',
      }),
    )
    expect(sim.state.incidents.get(id)?.responders.map((r) => r.id)).toContain(users[1]?.id)
    await confirm(og.incidents.resolve(id, { note: 'fixed' }))
    expect((await og.incidents.get(id)).status).toBe('resolved')
    await confirm(og.incidents.reopen({ id }))
    expect((await og.incidents.get(id)).status).toBe('open')
    await confirm(og.incidents.close(id))
    expect((await og.incidents.get(id)).status).toBe('closed')
  })

  it('reports pending requests and follows them', async () => {
    const slow = await startSim({ seed: 'empty', processingDelayMs: 200 })
    try {
      const client = clientFor(slow)
      const accepted = await client.incidents.create({ message: 'slow incident' })
      expect((await client.incidents.requestStatus(accepted.requestId)).state).toBe('pending')
      expect(
        await client.incidents.waitForRequest(accepted.requestId, {
          timeoutMs: 5000,
          intervalMs: 40,
        }),
      ).toMatchObject({ isSuccess: true })
    } finally {
      await slow.close()
    }
  })

  it('requires a query to list, before sending', async () => {
    const error = await thrown(() => og.incidents.list({ query: '' }))
    expect(isOpsgenieError(error, 'invalid')).toBe(true)
    expect((error as Error).message).toContain('query: is required')
  })

  it('answers plan (402) when the plan has no Incident API', async () => {
    const basic = await startSim({
      plan: { name: 'Essentials', incidentApi: false, serviceApi: false },
    })
    try {
      const client = clientFor(basic)
      const error = await thrown(() => client.incidents.list({ query: 'status:open' }))
      expect(isOpsgenieError(error, 'plan')).toBe(true)
      expect((error as Error).message).toContain('plan does not allow this API (402)')
      expect(isOpsgenieError(await thrown(() => client.config.listServices()), 'plan')).toBe(true)
    } finally {
      await basic.close()
    }
  })
})
