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

/** Creates an alert and follows it to confirmation; returns its id. */
async function createConfirmed(
  alias: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const accepted = await og.alerts.create({ message: `Alert ${alias}`, alias, ...extra })
  const outcome = await og.alerts.waitForRequest(accepted.requestId, {
    timeoutMs: 5000,
    intervalMs: 20,
  })
  expect(outcome.isSuccess).toBe(true)
  expect(outcome.alertId).toBeDefined()
  return outcome.alertId ?? ''
}

async function confirm(accepted: Promise<{ requestId: string }>): Promise<void> {
  const outcome = await og.alerts.waitForRequest((await accepted).requestId, {
    timeoutMs: 5000,
    intervalMs: 20,
  })
  expect(outcome, outcome.status).toMatchObject({ isSuccess: true })
}

describe('alerts over HTTP', () => {
  it('creates with every field and reads it back by id, alias and tiny id', async () => {
    const [team] = await og.config.listTeams()
    const id = await createConfirmed('full-alert', {
      description: 'Health check failed 3x',
      responders: [{ type: 'team', name: team?.name }],
      visibleTo: [{ type: 'team', name: team?.name }],
      actions: ['Restart'],
      tags: ['db', 'critical'],
      details: { host: 'db-1' },
      entity: 'db-1',
      source: 'monitor',
      priority: 'P1',
      user: 'Monitoring',
      note: 'auto-created',
    })
    const byId = await og.alerts.get(id)
    expect(byId).toMatchObject({
      id,
      alias: 'full-alert',
      message: 'Alert full-alert',
      priority: 'P1',
      tags: ['db', 'critical'],
      details: { host: 'db-1' },
      entity: 'db-1',
      source: 'monitor',
      description: 'Health check failed 3x',
    })
    expect(byId.responders?.some((r) => r.type === 'team')).toBe(true)
    expect((await og.alerts.get({ alias: 'full-alert' })).id).toBe(id)
    expect((await og.alerts.get({ tinyId: byId.tinyId ?? '' })).id).toBe(id)
    expect((await og.alerts.get({ id })).id).toBe(id)
    expect(sim.state.alerts.get(id)?.notes.map((n) => n.note)).toContain('auto-created')
  })

  it('lists with query, sort, order and limit, and counts', async () => {
    await createConfirmed('list-a', { tags: ['listing'], priority: 'P2' })
    await createConfirmed('list-b', { tags: ['listing'], priority: 'P4' })
    const listed = await og.alerts.list({
      query: 'tag:listing',
      sort: 'createdAt',
      order: 'asc',
      limit: 10,
    })
    expect(listed.map((a) => a.alias)).toEqual(['list-a', 'list-b'])
    expect(await og.alerts.count('tag:listing')).toBe(2)
    const firstOnly = await og.alerts.list({ query: 'tag:listing', order: 'desc', limit: 1 })
    expect(firstOnly.map((a) => a.alias)).toEqual(['list-b'])
  })

  it('acknowledges, unacknowledges, notes, assigns, adds a responder, escalates, snoozes, re-prioritises and closes', async () => {
    const id = await createConfirmed('lifecycle')
    const ref = { alias: 'lifecycle' }
    const [user] = (await og.config.listUsers({ limit: 1 })).users
    const [escalation] = await og.config.listEscalations()
    const teams = await og.config.listTeams()
    await confirm(og.alerts.acknowledge(ref, { user: 'Tester', note: 'ack note' }))
    expect(sim.state.alerts.get(id)?.acknowledged).toBe(true)
    await confirm(og.alerts.unacknowledge(ref))
    expect(sim.state.alerts.get(id)?.acknowledged).toBe(false)
    await confirm(og.alerts.addNote(id, { note: 'Investigating' }))
    const notes = await og.alerts.listNotes(id)
    expect(notes.map((n) => n.note)).toEqual(expect.arrayContaining(['ack note', 'Investigating']))
    await confirm(og.alerts.assign(ref, { owner: { username: user?.username } }))
    expect(sim.state.alerts.get(id)?.owner).toBe(user?.username)
    await confirm(
      og.alerts.addResponder(ref, { responder: { type: 'team', name: teams.at(-1)?.name } }),
    )
    expect(sim.state.alerts.get(id)?.responders.map((r) => r.name)).toContain(teams.at(-1)?.name)
    await confirm(og.alerts.escalate(ref, { escalation: { name: escalation?.name } }))
    expect(sim.state.alerts.get(id)?.responders.some((r) => r.type === 'escalation')).toBe(true)
    const until = new Date(Date.now() + 3_600_000)
    await confirm(og.alerts.snooze(ref, { endTime: until }))
    expect(sim.state.alerts.get(id)?.snoozedUntil).toBe(until.getTime())
    await confirm(og.alerts.updatePriority(ref, { priority: 'P2' }))
    expect((await og.alerts.get(id)).priority).toBe('P2')
    await confirm(og.alerts.close(ref, { note: 'fixed' }))
    expect((await og.alerts.get(id)).status).toBe('closed')
    const logs = await og.alerts.logs(id)
    expect(logs.length).toBeGreaterThanOrEqual(8)
    expect(logs.some((l) => /acknowledged/i.test(l.log))).toBe(true)
  })

  it('reports "not processed yet" as pending, then the outcome', async () => {
    const slow = await startSim({ seed: 'empty', processingDelayMs: 300 })
    try {
      const client = clientFor(slow)
      const accepted = await client.alerts.create({ message: 'slow' })
      expect(await client.alerts.requestStatus(accepted.requestId)).toEqual({
        state: 'pending',
        requestId: accepted.requestId,
      })
      const outcome = await client.alerts.waitForRequest(accepted.requestId, {
        timeoutMs: 5000,
        intervalMs: 50,
      })
      expect(outcome).toMatchObject({ state: 'processed', isSuccess: true, action: 'Create' })
      const early = await client.alerts.create({ message: 'too slow to wait for' })
      const error = await thrown(() =>
        client.alerts.waitForRequest(early.requestId, { timeoutMs: 100, intervalMs: 30 }),
      )
      expect(isOpsgenieError(error, 'timeout')).toBe(true)
      expect((error as Error).message).toContain(`had not processed request ${early.requestId}`)
    } finally {
      await slow.close()
    }
  })

  it('resolves a business failure with isSuccess false, and an unknown request id as not-found', async () => {
    const accepted = await og.alerts.acknowledge({ alias: 'no-such-alert' })
    const outcome = await og.alerts.waitForRequest(accepted.requestId, {
      timeoutMs: 5000,
      intervalMs: 20,
    })
    expect(outcome).toMatchObject({ isSuccess: false, status: 'Alert does not exist' })
    const error = await thrown(() =>
      og.alerts.requestStatus('00000000-0000-0000-0000-000000000000'),
    )
    expect(isOpsgenieError(error, 'not-found')).toBe(true)
  })

  it('refuses invalid input before sending anything', async () => {
    let exchanges = 0
    const counting = clientFor(sim, 'k-global', { onResponse: () => (exchanges += 1) })
    const error = await thrown(() =>
      counting.alerts.create({ message: 'x'.repeat(131), tags: ['ok', ''] }),
    )
    expect(isOpsgenieError(error, 'invalid')).toBe(true)
    expect((error as Error).message).toMatch(
      /message: must be at most 130 characters; tags.1: is required/,
    )
    await thrown(() => counting.alerts.snooze('id', { endTime: new Date(0) }))
    await thrown(() => counting.alerts.get({ alias: ' ' }))
    expect(exchanges).toBe(0)
  })
})
