import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGovernor } from '../../../../../src/main/gateway/governor'
import { createOpsgenieProvider } from '../../../../../src/main/gateway/provider/opsgenie/adapter'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import type { ActionOutcome } from '../../../../../src/shared/provider/outcome'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import { clientFor, startSim } from './support'

let sim: RunningSimulator
let provider: Provider

function providerFor(apiKey: string, timeoutMs = 5000): Provider {
  return createOpsgenieProvider({
    client: clientFor(sim, apiKey, { timeoutMs }),
    governor: createGovernor(),
  })
}

async function confirmed(
  domain: 'alert' | 'incident',
  outcome: ActionOutcome,
): Promise<ActionOutcome> {
  expect(outcome.status).toBe('accepted')
  if (outcome.status !== 'accepted') return outcome
  return provider.follow(domain, outcome.requestId, { timeoutMs: 5000, intervalMs: 20 })
}

beforeAll(async () => {
  sim = await startSim({ seed: 'demo', processingDelayMs: 30 })
  provider = providerFor('k-global')
})
afterAll(async () => sim.close())

describe('Opsgenie provider against the simulator', () => {
  it('creates an alert, follows it to confirmation and reads it back in domain terms', async () => {
    const created = await confirmed(
      'alert',
      await provider.alerts.create({
        message: 'Disk full on db-1',
        alias: 'provider-test-1',
        responders: [{ type: 'team', name: 'Platform' }],
        tags: ['db'],
        priority: 'P1',
      }),
    )
    expect(created).toMatchObject({ status: 'confirmed' })
    const alert = await provider.alerts.get('provider-test-1', 'alias')
    expect(alert).toMatchObject({
      message: 'Disk full on db-1',
      priority: 'P1',
      status: 'open',
      tags: ['db'],
    })
  })

  it('acknowledges, notes, sets priority and closes by alias, each confirmed and applied once', async () => {
    const target = { alertId: 'provider-test-1', by: 'alias' as const }
    expect(await confirmed('alert', await provider.alerts.acknowledge(target))).toMatchObject({
      status: 'confirmed',
    })
    expect(
      await confirmed('alert', await provider.alerts.addNote({ ...target, note: 'looking' })),
    ).toMatchObject({ status: 'confirmed' })
    expect(
      await confirmed('alert', await provider.alerts.setPriority({ ...target, priority: 'P2' })),
    ).toMatchObject({ status: 'confirmed' })
    expect(await confirmed('alert', await provider.alerts.close(target))).toMatchObject({
      status: 'confirmed',
    })
    const record = [...sim.state.alerts.values()].find((a) => a.alias === 'provider-test-1')
    expect(record).toMatchObject({ status: 'closed', acknowledged: true, priority: 'P2' })
    expect(record?.notes.map((n) => n.note)).toEqual(['looking'])
  })

  it('reports a business failure of an accepted request as rejected', async () => {
    const outcome = await confirmed(
      'alert',
      await provider.alerts.acknowledge({ alertId: 'no-such-alert', by: 'alias' }),
    )
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'failed' })
  })

  it('refuses invalid input before sending, naming the field', async () => {
    const outcome = await provider.alerts.create({
      message: 'x'.repeat(131),
      responders: [],
      tags: [],
      priority: 'P3',
    })
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'invalid' })
    if (outcome.status === 'rejected')
      expect(Object.keys(outcome.fields ?? {})).toContain('message')
  })

  it('creates and resolves an incident', async () => {
    const created = await confirmed(
      'incident',
      await provider.incidents.create({
        message: 'Checkout degraded',
        responders: [],
        tags: [],
        priority: 'P2',
        impactedServices: [],
        notifyStakeholders: false,
      }),
    )
    expect(created.status).toBe('confirmed')
    const incidentId = created.status === 'confirmed' ? (created.entityId ?? '') : ''
    expect(
      await confirmed('incident', await provider.incidents.resolve({ incidentId })),
    ).toMatchObject({ status: 'confirmed' })
    expect(sim.state.incidents.get(incidentId)?.status).toBe('resolved')
  })

  it('lists alerts and reads the directory in domain terms', async () => {
    const page = await provider.alerts.list('status:open')
    expect(page.items.length).toBeGreaterThan(0)
    for (const alert of page.items) expect(alert.status).toBe('open')
    expect((await provider.directory.teams()).length).toBe(sim.state.teams.length)
    const schedules = await provider.directory.schedules()
    const onCall = await provider.directory.onCalls(schedules[0]?.id ?? '')
    expect(onCall.usernames.length).toBeGreaterThan(0)
    expect((await provider.directory.services()).items.length).toBe(sim.state.services.length)
    expect((await provider.directory.escalations()).length).toBe(sim.state.escalations.length)
  })

  it('tells a read-only (account-level) key and a wrong key apart in capabilities and outcomes', async () => {
    const global = await provider.capabilities()
    expect(global).toMatchObject({
      keyKind: 'global',
      canWrite: true,
      incidents: { available: true },
    })
    const account = await providerFor('k-account').capabilities()
    expect(account).toMatchObject({ keyKind: 'account', canWrite: false })
    expect(account.readOnlyReason).toMatch(/global API integration/)
    const wrong = await providerFor('k-nope').alerts.acknowledge({ alertId: 'x', by: 'id' })
    expect(wrong).toMatchObject({ status: 'rejected', kind: 'bad-key' })
  })

  it('maps throttling, lost answers and unreachable hosts to throttled, unknown and offline', async () => {
    sim.setRateLimits({ alert: { perMinute: 1000, perSecond: 1 } })
    const fast = providerFor('k-global')
    // Another client spends the account's per-second token, so ours is refused with 429.
    const other = clientFor(sim, 'k-global')
    await other.alerts.acknowledge('x').catch(() => undefined)
    const throttled = await fast.alerts.acknowledge({ alertId: 'x', by: 'id' })
    expect(throttled).toMatchObject({ status: 'throttled' })
    if (throttled.status === 'throttled') expect(throttled.retryAt).toBeGreaterThan(Date.now())
    sim.setRateLimits({ alert: { perMinute: 100_000, perSecond: 10_000 } })

    sim.setFaults({ dropResponseRate: 1 })
    const lost = await fast.alerts.addNote({
      alertId: 'provider-test-1',
      by: 'alias',
      note: 'maybe',
    })
    expect(lost).toMatchObject({ status: 'unknown' })
    sim.setFaults({})

    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo
        server.close(() => resolve(port))
      })
    })
    const offline = createOpsgenieProvider({
      client: clientFor(
        { ...sim, url: `http://127.0.0.1:${closedPort}` } as RunningSimulator,
        'k-global',
      ),
      governor: createGovernor(),
    })
    expect(await offline.alerts.close({ alertId: 'x', by: 'id' })).toMatchObject({
      status: 'offline',
    })
  })
})
