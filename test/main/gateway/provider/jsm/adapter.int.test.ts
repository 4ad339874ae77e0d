import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import type { ActionOutcome } from '../../../../../src/shared/provider/outcome'
import type { RunningJsmSimulator } from '../../../../../src/simulator/jsm/index'
import { jsmProviderFor, startJsm } from './support'

let sim: RunningJsmSimulator
let provider: Provider

async function confirmed(outcome: ActionOutcome): Promise<ActionOutcome> {
  expect(outcome.status).toBe('accepted')
  if (outcome.status !== 'accepted') return outcome
  return provider.follow('alert', outcome.requestId, { timeoutMs: 5000, intervalMs: 20 })
}

beforeAll(async () => {
  sim = await startJsm()
  provider = jsmProviderFor(sim).provider
})
afterAll(async () => sim.close())

describe('JSM provider against the JSM simulator', () => {
  it('creates an alert with a responder named by team, follows it and reads it by alias', async () => {
    const created = await confirmed(
      await provider.alerts.create({
        message: 'Disk full on db-1',
        alias: 'jsm-provider-1',
        responders: [{ type: 'team', name: 'Platform' }],
        tags: ['db'],
        priority: 'P1',
        details: { region: 'eu' },
      }),
    )
    expect(created).toMatchObject({ status: 'confirmed' })
    const alert = await provider.alerts.get('jsm-provider-1', 'alias')
    const platform = (await provider.directory.teams()).find((t) => t.name === 'Platform')
    expect(alert).toMatchObject({
      message: 'Disk full on db-1',
      priority: 'P1',
      status: 'open',
      tags: ['db'],
      details: { region: 'eu' },
      teams: [platform?.id],
    })
    if (created.status === 'confirmed') expect(alert?.id).toBe(created.entityId)
  })

  it('runs every alert action by alias, each confirmed and visible on the alert', async () => {
    const target = { alertId: 'jsm-provider-1', by: 'alias' as const }
    const users = (await provider.directory.users()).items
    const bashir = users.find((u) => u.fullName === 'Bashir Okafor')
    const escalations = await provider.directory.escalations()
    expect(await confirmed(await provider.alerts.acknowledge(target))).toMatchObject({
      status: 'confirmed',
    })
    expect(await provider.alerts.get('jsm-provider-1', 'alias')).toMatchObject({
      acknowledged: true,
    })
    expect(await confirmed(await provider.alerts.unacknowledge(target))).toMatchObject({
      status: 'confirmed',
    })
    expect(
      await confirmed(await provider.alerts.setPriority({ ...target, priority: 'P2' })),
    ).toMatchObject({ status: 'confirmed' })
    expect(
      await confirmed(
        await provider.alerts.assign({ ...target, owner: { username: bashir?.username } }),
      ),
    ).toMatchObject({ status: 'confirmed' })
    expect(
      await confirmed(
        await provider.alerts.addResponder({
          ...target,
          responder: { type: 'user', name: bashir?.username },
        }),
      ),
    ).toMatchObject({ status: 'confirmed' })
    expect(
      await confirmed(
        await provider.alerts.escalate({ ...target, escalation: { name: escalations[0]?.name } }),
      ),
    ).toMatchObject({ status: 'confirmed' })
    const until = new Date(Date.now() + 3_600_000).toISOString()
    expect(
      await confirmed(await provider.alerts.snooze({ ...target, endTime: until })),
    ).toMatchObject({ status: 'confirmed' })
    expect(await provider.alerts.addNote({ ...target, note: 'looking [ondeck:c1]' })).toMatchObject(
      { status: 'confirmed' },
    )
    const alert = await provider.alerts.get('jsm-provider-1', 'alias')
    expect(alert).toMatchObject({
      priority: 'P2',
      owner: 'Bashir Okafor',
      snoozed: true,
      acknowledged: false,
    })
    expect(alert?.responders).toEqual(
      expect.arrayContaining([
        { type: 'user', id: bashir?.id },
        { type: 'escalation', id: escalations[0]?.id },
      ]),
    )
    expect((await provider.alerts.notes('jsm-provider-1', 'alias'))?.map((n) => n.note)).toContain(
      'looking [ondeck:c1]',
    )
    expect(await confirmed(await provider.alerts.close(target))).toMatchObject({
      status: 'confirmed',
    })
    expect(await provider.alerts.get('jsm-provider-1', 'alias')).toMatchObject({ status: 'closed' })
  })

  it('refuses a responder name the site does not know before sending anything', async () => {
    const outcome = await provider.alerts.addResponder({
      alertId: 'jsm-provider-1',
      by: 'alias',
      responder: { type: 'team', name: 'Nobody' },
    })
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'invalid' })
  })

  it('answers a request id JSM has not processed as still accepted, and a missing alert as not found', async () => {
    expect(await provider.requestStatus('alert', 'no-such-request')).toEqual({
      status: 'accepted',
      requestId: 'no-such-request',
    })
    expect(await provider.alerts.get('no-such-alert', 'id')).toBeNull()
    const byAlias = await provider.alerts.acknowledge({ alertId: 'no-such-alias', by: 'alias' })
    expect(byAlias).toMatchObject({ status: 'rejected', kind: 'not-found' })
  })

  it('lists alerts with offset paging and reads the directory and on-call in domain terms', async () => {
    const page = await provider.alerts.list('status:open')
    expect(page.items.length).toBeGreaterThan(5)
    expect(page.items.every((a) => a.status === 'open')).toBe(true)
    const schedules = await provider.directory.schedules()
    expect(schedules).toHaveLength(5)
    expect(schedules[0]?.rotations[0]?.participants.length).toBeGreaterThan(0)
    const onCall = await provider.directory.onCalls(schedules[0]?.id ?? '')
    expect(onCall.scheduleName).toBe(schedules[0]?.name)
    expect(onCall.usernames[0]).toMatch(/@example\.com$/)
    expect((await provider.directory.services()).items).toEqual([])
  })

  it('declares an incident as a Jira issue with responders, then prioritises, notes, resolves, closes and reopens it', async () => {
    const created = await provider.incidents.create({
      message: 'Checkout down',
      description: 'Card payments fail',
      responders: [{ type: 'team', name: 'Payments' }],
      tags: ['ondeck-cmd-1'],
      priority: 'P1',
      impactedServices: [],
      notifyStakeholders: false,
    })
    expect(created).toMatchObject({
      status: 'confirmed',
      entityId: expect.stringMatching(/^OPS-\d+$/),
    })
    const key = created.status === 'confirmed' ? (created.entityId ?? '') : ''
    const found = await provider.incidents.list('tag:ondeck-cmd-1')
    expect(found.items.map((i) => i.id)).toEqual([key])
    const payments = (await provider.directory.teams()).find((t) => t.name === 'Payments')
    expect(await provider.incidents.get(key)).toMatchObject({
      message: 'Checkout down',
      description: 'Card payments fail',
      priority: 'P1',
      status: 'open',
      responders: [{ type: 'team', id: payments?.id }],
    })
    expect(await provider.incidents.setPriority({ incidentId: key, priority: 'P2' })).toMatchObject(
      { status: 'confirmed' },
    )
    expect(
      await provider.incidents.addNote({ incidentId: key, note: 'rolled back [ondeck:n1]' }),
    ).toMatchObject({ status: 'confirmed' })
    expect(await provider.incidents.resolve({ incidentId: key })).toMatchObject({
      status: 'confirmed',
    })
    expect(await provider.incidents.get(key)).toMatchObject({ status: 'resolved', priority: 'P2' })
    expect((await provider.incidents.notes(key))?.map((n) => n.note)).toContain(
      'rolled back [ondeck:n1]',
    )
    expect(await provider.incidents.resolve({ incidentId: key })).toMatchObject({
      status: 'rejected',
      kind: 'failed',
    })
    expect(await provider.incidents.close({ incidentId: key })).toMatchObject({
      status: 'confirmed',
    })
    expect(await provider.incidents.reopen({ incidentId: key })).toMatchObject({
      status: 'confirmed',
    })
    expect(await provider.incidents.get(key)).toMatchObject({ status: 'open' })
  })

  it('says what the token can do: everything, with services and no incident project named plainly', async () => {
    const caps = await provider.capabilities()
    expect(caps).toMatchObject({
      canWrite: true,
      incidents: { available: true },
      services: { available: false },
    })
    const none = jsmProviderFor(sim, { incidentProject: null }).provider
    expect((await none.capabilities()).incidents).toMatchObject({
      available: false,
      reason: expect.stringMatching(/incident project/),
    })
  })
})

describe('JSM directory reads', () => {
  it('reads the user list once for several on-call answers (account ids to usernames)', async () => {
    let userReads = 0
    const counting: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/rest/api/3/users/search'))
        userReads += 1
      return fetch(input, init)
    }
    const { provider: p } = jsmProviderFor(sim, { fetch: counting })
    const schedules = await p.directory.schedules()
    for (const s of schedules) await p.directory.onCalls(s.id)
    expect(schedules.length).toBeGreaterThan(2)
    expect(userReads).toBe(1)
  })
})

describe('JSM effect-once: an answer lost after JSM applied the request', () => {
  it('answers unknown, and the alias and state reads the outbox reconciles with show it happened', async () => {
    sim.setFaults({ dropResponseRate: 1 })
    let created: ActionOutcome
    try {
      created = await provider.alerts.create({
        message: 'Lost answer',
        alias: 'jsm-lost-1',
        responders: [],
        tags: [],
        priority: 'P3',
      })
    } finally {
      sim.setFaults({})
    }
    expect(created.status).toBe('unknown')
    await sim.flushWebhooks()
    const found = await provider.alerts.get('jsm-lost-1', 'alias')
    expect(found).toMatchObject({ message: 'Lost answer' })
    sim.setFaults({ dropResponseRate: 1 })
    let acked: ActionOutcome
    try {
      acked = await provider.alerts.acknowledge({ alertId: found?.id ?? '', by: 'id' })
    } finally {
      sim.setFaults({})
    }
    expect(acked.status).toBe('unknown')
    await sim.flushWebhooks()
    expect(await provider.alerts.get(found?.id ?? '', 'id')).toMatchObject({ acknowledged: true })
  })
})

describe('JSM incident priorities are the site’s own', () => {
  it('maps P1..P5 onto a site’s renamed priorities in Jira’s order, both ways', async () => {
    const renamed = await startJsm({
      incidentProject: {
        key: 'INC',
        id: '10002',
        priorities: ['Sev 1', 'Sev 2', 'Sev 3', 'Sev 4', 'Sev 5', 'Someday'],
      },
    })
    try {
      const p = jsmProviderFor(renamed, { incidentProject: 'INC' }).provider
      const created = await p.incidents.create({
        message: 'Renamed',
        responders: [],
        tags: [],
        priority: 'P2',
        impactedServices: [],
        notifyStakeholders: false,
      })
      const key = created.status === 'confirmed' ? (created.entityId ?? '') : ''
      expect(key).toMatch(/^INC-/)
      expect(
        [...renamed.state.incidents.values()].find((i) => i.message === 'Renamed')?.priority,
      ).toBe('P2')
      expect(await p.incidents.setPriority({ incidentId: key, priority: 'P5' })).toMatchObject({
        status: 'confirmed',
      })
      expect(await p.incidents.get(key)).toMatchObject({ priority: 'P5' })
    } finally {
      await renamed.close()
    }
  })
})
