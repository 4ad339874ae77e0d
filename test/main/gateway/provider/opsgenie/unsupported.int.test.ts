import { afterEach, describe, expect, it } from 'vitest'
import { createGovernor } from '../../../../../src/main/gateway/governor'
import { createOpsgenieProvider } from '../../../../../src/main/gateway/provider/opsgenie/adapter'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import { clientFor, startSim } from './support'

/**
 * Issue 15, fidelity 2: Opsgenie's 403 code 40302 means "authorised, but this request is not
 * supported". Only a refusal of the key may pause the workspace's outbox (which it does for the
 * `bad-key` and `wrong-key` rejections); an unsupported request fails that one command, with the
 * reason.
 */
let sim: RunningSimulator
afterEach(async () => sim.close())

function providerFor(apiKey: string): Provider {
  return createOpsgenieProvider({ client: clientFor(sim, apiKey), governor: createGovernor() })
}

describe('a 403 that is not about the key', () => {
  it('fails the command with the reason instead of calling the key wrong', async () => {
    sim = await startSim({ seed: 'demo', unsupported: ['POST /v2/alerts/'] })
    const alert = [...sim.state.alerts.values()].find((a) => a.status === 'open')
    const outcome = await providerFor('k-global').alerts.snooze({
      alertId: alert?.id ?? '',
      by: 'id',
      endTime: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'failed' })
    expect(outcome.status === 'rejected' && outcome.message).toContain('does not support')
  })

  it('still calls a refused key wrong (code 40301), which pauses the outbox', async () => {
    sim = await startSim({ seed: 'demo' })
    const alert = [...sim.state.alerts.values()].find((a) => a.status === 'open')
    const outcome = await providerFor('k-account').alerts.acknowledge({
      alertId: alert?.id ?? '',
      by: 'id',
    })
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'wrong-key' })
  })
})
