import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, data, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

const TOO_MANY =
  'You are making too many requests! To avoid errors, we recommend you limit requests.'

describe('rate limits', () => {
  it('throttles a domain on its per-minute budget with period 60, leaving other domains alone', async () => {
    sim = await startTestSim({ rateLimits: { search: { perMinute: 3, perSecond: 100 } } })
    for (let i = 0; i < 3; i += 1) {
      const ok = await api(sim, 'GET', '/v2/alerts')
      expect(ok.status).toBe(200)
      expect(ok.headers.get('x-ratelimit-state')).toBe('OK')
    }
    const throttled = await api(sim, 'GET', '/v2/users')
    expect(throttled.status).toBe(429)
    expect(throttled.body.message).toBe(TOO_MANY)
    expect(throttled.headers.get('x-ratelimit-state')).toBe('THROTTLED')
    expect(throttled.headers.get('x-ratelimit-reason')).toBe('ACCOUNT')
    expect(throttled.headers.get('x-ratelimit-period-in-sec')).toBe('60')
    expect(throttled.headers.get('retry-after')).toBeNull()
    expect((await api(sim, 'GET', '/v2/teams')).status).toBe(200)
    expect((await api(sim, 'POST', '/v2/alerts', { message: 'm' })).status).toBe(202)
  })

  it('counts alerts in the alert domain, not search: Opsgenie puts only listing alerts and users there', async () => {
    sim = await startTestSim({ rateLimits: { search: { perMinute: 1, perSecond: 100 } } })
    expect((await api(sim, 'GET', '/v2/alerts')).status).toBe(200)
    expect((await api(sim, 'GET', '/v2/alerts')).status).toBe(429)
    const count = await api(sim, 'GET', '/v2/alerts/count')
    expect(count.status).toBe(200)
    expect(count.headers.get('x-ratelimit-state')).toBe('OK')
  })

  it('throttles on the per-second budget with period 1 and recovers within a second', async () => {
    // One token a second: the second request is refused unless a whole second passed between them.
    sim = await startTestSim({ rateLimits: { alert: { perMinute: 1000, perSecond: 1 } } })
    const statuses = []
    for (let i = 0; i < 2; i += 1)
      statuses.push(await api(sim, 'POST', '/v2/alerts', { message: `m${i}` }))
    expect(statuses.map((s) => s.status)).toEqual([202, 429])
    expect(statuses[1]?.headers.get('x-ratelimit-period-in-sec')).toBe('1')
    expect(sim.state.requests.size).toBe(1)
    const recovered = await (async () => {
      const deadline = Date.now() + 2_000
      for (;;) {
        const res = await api(sim, 'POST', '/v2/alerts', { message: 'later' })
        if (res.status === 202 || Date.now() > deadline) return res.status
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    expect(recovered).toBe(202)
  })

  it('reports the configured budgets on /v2/request-limits and applies setRateLimits at once', async () => {
    sim = await startTestSim({ rateLimits: { configuration: { perMinute: 600, perSecond: 20 } } })
    const limits = data<{
      rateLimits: { domain: string; limits: { limit: number; periodInSeconds: number }[] }[]
    }>(await api(sim, 'GET', '/v2/request-limits'))
    expect(limits.rateLimits.map((r) => r.domain)).toEqual([
      'alert',
      'incident',
      'configuration',
      'search',
      'schedule-oncalls',
    ])
    expect(limits.rateLimits.find((r) => r.domain === 'configuration')?.limits).toEqual([
      { limit: 600, periodInSeconds: 60 },
      { limit: 20, periodInSeconds: 1 },
    ])
    sim.setRateLimits({ 'schedule-oncalls': { perMinute: 1, perSecond: 1 } })
    expect((await api(sim, 'GET', '/v2/schedules/x/on-calls')).status).toBe(404)
    expect((await api(sim, 'GET', '/v2/schedules/x/on-calls')).status).toBe(429)
  })
})
