import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, pollUntil, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

/** A scripted RNG: returns the given draws in order, then 0.99 (no fault) forever. */
const script =
  (...draws: number[]): (() => number) =>
  () =>
    draws.shift() ?? 0.99

describe('fault injection', () => {
  it('answers 500 or 503 without applying the request', async () => {
    sim = await startTestSim({ faults: { errorRate: 0.5 }, random: script(0.1, 0.2, 0.1, 0.7) })
    const first = await api(sim, 'POST', '/v2/alerts', { message: 'm' })
    const second = await api(sim, 'POST', '/v2/alerts', { message: 'm' })
    expect([first.status, second.status]).toEqual([500, 503])
    expect(first.body).toMatchObject({ message: 'Internal Server Error' })
    expect(sim.state.requests.size).toBe(0)
    expect((await api(sim, 'POST', '/v2/alerts', { message: 'm' })).status).toBe(202)
  })

  it('resets the connection before applying the request', async () => {
    sim = await startTestSim({ faults: { resetRate: 1 } })
    await expect(
      fetch(`${sim.url}/v2/alerts`, {
        method: 'POST',
        headers: { Authorization: 'GenieKey global-key-0001' },
        body: '{"message":"m"}',
      }),
    ).rejects.toThrow()
    expect(sim.state.requests.size).toBe(0)
    sim.setFaults({})
    expect((await api(sim, 'GET', '/v2/alerts')).status).toBe(200)
  })

  it('applies the request and then drops the response', async () => {
    sim = await startTestSim({ faults: { dropResponseRate: 1 } })
    await expect(
      fetch(`${sim.url}/v2/alerts`, {
        method: 'POST',
        headers: { Authorization: 'GenieKey global-key-0001' },
        body: '{"message":"dropped"}',
      }),
    ).rejects.toThrow()
    await pollUntil(
      async () =>
        [...sim.state.alerts.values()].some((a) => a.message === 'dropped') ? true : undefined,
      2_000,
      'the dropped create to apply',
    )
  })

  it('adds latency to every response', async () => {
    sim = await startTestSim({ faults: { latencyMs: 150 } })
    const started = Date.now()
    expect((await api(sim, 'GET', '/v2/alerts')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('refuses rates outside 0..1', async () => {
    sim = await startTestSim()
    expect(() => sim.setFaults({ errorRate: 2 })).toThrow(
      'faults.errorRate must be between 0 and 1',
    )
  })
})
