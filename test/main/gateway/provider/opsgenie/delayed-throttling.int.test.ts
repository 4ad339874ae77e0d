import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGovernor } from '../../../../../src/main/gateway/governor'
import { createOpsgenieProvider } from '../../../../../src/main/gateway/provider/opsgenie/adapter'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import { clientFor, startSim } from './support'

/**
 * Issue 15, fidelity 7: Opsgenie may delay an over-limit request instead of answering 429. With
 * the simulator in that mode, a burst of writes through the governor is answered late but answered:
 * each is confirmed, none reads as throttled, failed or unknown, and each applies once.
 */
let sim: RunningSimulator
let provider: Provider
beforeAll(async () => {
  sim = await startSim({
    seed: 'empty',
    throttling: 'delay',
    rateLimits: { alert: { perMinute: 1000, perSecond: 3 } },
  })
  provider = createOpsgenieProvider({
    client: clientFor(sim, 'k-global', { timeoutMs: 10_000 }),
    governor: createGovernor(),
  })
})
afterAll(async () => sim.close())

describe('throttling by delay', () => {
  it('confirms every write of a burst once, with no timeout read as a failure', async () => {
    const aliases = Array.from({ length: 8 }, (_, i) => `delayed-${i}`)
    const started = Date.now()
    const outcomes = await Promise.all(
      aliases.map(async (alias) => {
        const sent = await provider.alerts.create({
          message: `burst ${alias}`,
          alias,
          responders: [],
          tags: [],
          priority: 'P3',
        })
        if (sent.status !== 'accepted') return sent
        return provider.follow('alert', sent.requestId, { timeoutMs: 15_000, intervalMs: 50 })
      }),
    )
    expect(outcomes.map((o) => o.status)).toEqual(aliases.map(() => 'confirmed'))
    // The simulator really held requests back (3 per second for creates and status reads).
    expect(Date.now() - started).toBeGreaterThan(1_000)
    const created = [...sim.state.alerts.values()].filter((a) => aliases.includes(a.alias))
    expect(created.map((a) => a.alias).sort()).toEqual([...aliases].sort())
    expect(created.every((a) => a.count === 1)).toBe(true)
  }, 30_000)
})
