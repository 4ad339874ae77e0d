import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, data, processed, startTestSim, type ApiResponse } from './helpers'
import { startReceiver } from './webhook-receiver'

/**
 * Where the simulator follows Opsgenie's documentation rather than its own convenience (issue 15,
 * "Opsgenie fidelity"): documented search fields only, team keys refused on users, a Snooze
 * webhook, throttling by delay, and 403 code 40302 for an unsupported request.
 */
let sim: RunningSimulator
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined
afterEach(async () => {
  await sim.close()
  await receiver?.close()
  receiver = undefined
})

const TEAM_KEY = 'team-key-0001'
const q = (query: string): string => encodeURIComponent(query)
const idsOf = (res: ApiResponse): string[] => data<{ id: string }[]>(res).map((r) => r.id)

async function alertWithDetails(): Promise<string> {
  const done = await processed(sim, 'POST', '/v2/alerts', {
    message: 'disk full',
    responders: [{ type: 'team', name: 'Platform' }],
    details: { impact: 'external' },
  })
  return String(done.alertId)
}

describe('search fields follow Opsgenie search syntax', () => {
  it('answers the documented alert fields alertId, teams and details.key', async () => {
    sim = await startTestSim({ seed: 'demo' })
    const id = await alertWithDetails()
    for (const query of [`alertId:${id}`, 'details.key:impact', 'details.value:external']) {
      const res = await api(sim, 'GET', `/v2/alerts?query=${q(query)}`)
      expect(res.status, query).toBe(200)
      expect(idsOf(res), query).toEqual([id])
    }
    const teams = await api(sim, 'GET', `/v2/alerts?query=${q('teams:Platform')}&limit=100`)
    expect(idsOf(teams)).toContain(id)
  })

  it('answers the documented incident fields teams and services', async () => {
    sim = await startTestSim({ seed: 'demo' })
    const service = sim.state.services[0]
    const done = await processed(sim, 'POST', '/v1/incidents/create', {
      message: 'checkout down',
      responders: [{ type: 'team', name: 'Platform' }],
      impactedServices: [service?.id],
    })
    const id = String(done.incidentId)
    for (const query of ['teams:Platform', `services:"${service?.name ?? ''}"`]) {
      const res = await api(sim, 'GET', `/v1/incidents?query=${q(query)}&limit=100`)
      expect(res.status, query).toBe(200)
      expect(idsOf(res), query).toContain(id)
    }
  })

  it('refuses undocumented fields with a 422 naming them', async () => {
    sim = await startTestSim({ seed: 'demo' })
    for (const [path, query] of [
      ['/v2/alerts', 'updatedAt>=0'],
      ['/v2/alerts', 'id:x'],
      ['/v1/incidents', 'updatedAt>=0'],
      ['/v1/incidents', 'ownerTeam:x'],
      ['/v1/incidents', 'impactedServices:x'],
    ] as const) {
      const res = await api(sim, 'GET', `${path}?query=${q(query)}`)
      expect(res.status, `${path} ${query}`).toBe(422)
      expect(String(res.body.message)).toContain(query.split(/[:>]/)[0])
    }
  })

  it('accepts an undocumented field only when asked, and can ignore one', async () => {
    sim = await startTestSim({ seed: 'demo', search: { undocumentedFields: ['updatedAt'] } })
    const future = Date.now() + 3_600_000
    const filtered = await api(sim, 'GET', `/v2/alerts?query=${q(`updatedAt>=${future}`)}`)
    expect(filtered.status).toBe(200)
    expect(idsOf(filtered)).toEqual([])
    await sim.close()
    sim = await startTestSim({ seed: 'demo', search: { ignoredFields: ['updatedAt'] } })
    const ignored = await api(sim, 'GET', `/v2/alerts?query=${q(`updatedAt>=${future}`)}`)
    expect(ignored.status).toBe(200)
    expect(idsOf(ignored).length).toBeGreaterThan(0)
  })
})

describe('keys and requests Opsgenie refuses', () => {
  it('refuses users to a team key as Opsgenie does', async () => {
    sim = await startTestSim({
      seed: 'demo',
      keys: [{ key: TEAM_KEY, kind: 'team', teamName: 'Platform' }],
    })
    for (const path of ['/v2/users', '/v2/users/alice@example.com']) {
      const res = await api(sim, 'GET', path, undefined, TEAM_KEY)
      expect(res.status, path).toBe(403)
      expect(res.body.message).toBe('Team API Keys are not authorized to perform this action.')
    }
  })

  it('answers 403 code 40302 to a request configured as unsupported', async () => {
    sim = await startTestSim({ seed: 'demo', unsupported: ['POST /v2/alerts/'] })
    const res = await api(sim, 'POST', '/v2/alerts/x/snooze', { endTime: '2999-01-01T00:00:00Z' })
    expect(res.status).toBe(403)
    expect(res.body.code).toBe(40302)
  })
})

describe('webhooks and throttling', () => {
  it('sends a Snooze webhook with the snooze end', async () => {
    receiver = await startReceiver()
    sim = await startTestSim({ seed: 'demo', webhook: { url: receiver.url } })
    const id = await alertWithDetails()
    const endTime = new Date(Date.now() + 3_600_000).toISOString()
    await processed(sim, 'POST', `/v2/alerts/${id}/snooze`, { endTime })
    await sim.flushWebhooks()
    const payloads = receiver.received.map(
      (r) => JSON.parse(r.text) as { action: string; alert: Record<string, unknown> },
    )
    const snooze = payloads.find((p) => p.action === 'Snooze')
    expect(snooze?.alert).toMatchObject({ alertId: id, snoozedUntil: endTime })
  })

  it('delays an over-limit request instead of answering 429 in delay mode', async () => {
    sim = await startTestSim({
      seed: 'demo',
      throttling: 'delay',
      rateLimits: { alert: { perMinute: 1000, perSecond: 2 } },
    })
    const started = Date.now()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api(sim, 'GET', '/v2/alerts/count')),
    )
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
    // Two tokens at once, then one every 500 ms: the fifth waits about 1.5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200)
  })
})
