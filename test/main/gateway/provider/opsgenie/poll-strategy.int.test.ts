import { afterEach, describe, expect, it } from 'vitest'
import { createGovernor } from '../../../../../src/main/gateway/governor'
import { createOpsgenieProvider } from '../../../../../src/main/gateway/provider/opsgenie/adapter'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import type { RunningSimulator, SearchOptions } from '../../../../../src/simulator/index'
import { clientFor, startSim } from './support'

/**
 * Issue 15, fidelity 1: poll mode's `updatedAt>=` search is undocumented. The feed keeps it while
 * Opsgenie honours it and falls back to documented reads when it is refused (422) or ignored, and
 * says which strategy runs. The simulator refuses undocumented fields unless a test opts in.
 */
let sim: RunningSimulator
afterEach(async () => sim.close())

async function setUp(search?: SearchOptions): Promise<Provider> {
  sim = await startSim({ seed: 'demo', ...(search ? { search } : {}) })
  return createOpsgenieProvider({ client: clientFor(sim), governor: createGovernor() })
}

/** Acknowledges one seeded alert and changes one incident's priority, both after `since`. */
async function changeSomething(): Promise<{ alertId: string; incidentId: string }> {
  const alert = [...sim.state.alerts.values()].find((a) => a.status === 'open' && !a.acknowledged)
  const incident = [...sim.state.incidents.values()].find((i) => i.status === 'open')
  if (!alert || !incident) throw new Error('the demo seed has an open alert and incident')
  // The demo seed dates its records a little in the past; the changes land after `since`.
  await new Promise((resolve) => setTimeout(resolve, 5))
  const client = clientFor(sim)
  const ack = await client.alerts.acknowledge(alert.id)
  await client.alerts.waitForRequest(ack.requestId, { timeoutMs: 5_000, intervalMs: 10 })
  const prio = await client.incidents.updatePriority(incident.id, { priority: 'P1' })
  await client.incidents.waitForRequest(prio.requestId, { timeoutMs: 5_000, intervalMs: 10 })
  return { alertId: alert.id, incidentId: incident.id }
}

async function changes(
  provider: Provider,
  since: number,
): Promise<{ alerts: string[]; incidents: string[] }> {
  const alerts = await provider.feed.changedAlerts(since, undefined, { limit: 5 })
  const incidents = await provider.feed.changedIncidents(since, undefined, { limit: 5 })
  return { alerts: alerts.items.map((i) => i.id), incidents: incidents.items.map((i) => i.id) }
}

describe('poll strategy', () => {
  it('keeps the updatedAt query where Opsgenie honours it', async () => {
    const provider = await setUp({ undocumentedFields: ['updatedAt'] })
    const since = Date.now()
    const changed = await changeSomething()
    expect(await changes(provider, since)).toEqual({
      alerts: [changed.alertId],
      incidents: [changed.incidentId],
    })
    expect(provider.feed.pollStrategy?.()).toEqual({
      alerts: 'updatedAt-query',
      incidents: 'updatedAt-query',
    })
  })

  it('falls back to documented reads when the query is refused, with the same changes', async () => {
    const provider = await setUp()
    const since = Date.now()
    const changed = await changeSomething()
    expect(await changes(provider, since)).toEqual({
      alerts: [changed.alertId],
      incidents: [changed.incidentId],
    })
    expect(provider.feed.pollStrategy?.()).toEqual({
      alerts: 'updatedAt-sort',
      incidents: 'recent-snapshot',
    })
  })

  it('falls back when the answer ignores the updatedAt filter', async () => {
    const provider = await setUp({ ignoredFields: ['updatedAt'] })
    const since = Date.now()
    const changed = await changeSomething()
    expect(await changes(provider, since)).toEqual({
      alerts: [changed.alertId],
      incidents: [changed.incidentId],
    })
    expect(provider.feed.pollStrategy?.()).toEqual({
      alerts: 'updatedAt-sort',
      incidents: 'recent-snapshot',
    })
  })
})
