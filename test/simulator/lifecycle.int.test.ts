import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator/index'
import { api, pollUntil, startTestSim } from './helpers'
import { startReceiver } from './webhook-receiver'

describe('simulator lifecycle', () => {
  it('trickles new demo alerts through the normal create path, webhooks included', async () => {
    const receiver = await startReceiver()
    const sim = await startTestSim({ seed: 'demo', trickleMs: 20, webhook: { url: receiver.url } })
    try {
      await pollUntil(
        async () =>
          [...sim.state.alerts.values()].filter((a) => a.alias.startsWith('trickle-')).length >= 3
            ? true
            : undefined,
        5_000,
        'three trickled alerts',
      )
      await sim.flushWebhooks()
      expect(receiver.received.length).toBeGreaterThanOrEqual(3)
      expect(receiver.received.every((r) => r.text.includes('"action":"Create"'))).toBe(true)
    } finally {
      await sim.close()
      await receiver.close()
    }
  })

  it('closes promptly with requests still pending, which then never complete', async () => {
    const sim = await startTestSim({ processingDelayMs: 60_000 })
    expect((await api(sim, 'POST', '/v2/alerts', { message: 'pending' })).status).toBe(202)
    const started = Date.now()
    await sim.close()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(sim.state.alerts.size).toBe(0)
  })

  it('refuses options that cannot work', async () => {
    await expect(startSimulator({ keys: [] })).rejects.toThrow('at least one API key')
    await expect(startSimulator({ keys: [{ key: 'k', kind: 'team' }] })).rejects.toThrow(
      'needs a teamName',
    )
    await expect(
      startSimulator({ keys: [{ key: 'k', kind: 'global' }], faults: { resetRate: -1 } }),
    ).rejects.toThrow('faults.resetRate')
  })
})
