import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Exchange, RunningSimulator } from '../../../../../src/simulator/index'
import {
  isOpsgenieError,
  OpsgenieError,
  type OpsgenieFailure,
  type ResponseMeta,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { Accepted } from '../../../../../src/main/gateway/provider/opsgenie/schemas/common'
import { clientFor, startSim, thrown } from './support'

let sim: RunningSimulator
const exchanges: Exchange[] = []

beforeAll(async () => {
  sim = await startSim({ seed: 'empty', onExchange: (e) => exchanges.push(e) })
})
afterEach(() => {
  sim.setFaults({})
  sim.setRateLimits({
    alert: { perMinute: 100_000, perSecond: 10_000 },
    search: { perMinute: 100_000, perSecond: 10_000 },
  })
  exchanges.length = 0
})
afterAll(async () => {
  await sim.close()
})

async function failureOf(call: () => Promise<unknown>): Promise<OpsgenieFailure> {
  const error = await thrown(call)
  if (!(error instanceof OpsgenieError)) throw error
  return error.failure
}

describe('failure kinds over HTTP', () => {
  it('401: an unknown key is bad-key with the one-line reason', async () => {
    const failure = await failureOf(() => clientFor(sim, 'k-wrong').alerts.list())
    expect(failure).toMatchObject({
      kind: 'bad-key',
      status: 401,
      serverMessage: 'Could not authenticate',
      operation: 'GET /v2/alerts',
    })
    expect(failure.message).toMatch(/^the API key was rejected \(401\)/)
    expect(failure.requestId).toBeTruthy()
  })

  it('403: an account-level key may not create alerts', async () => {
    const failure = await failureOf(() =>
      clientFor(sim, 'k-account').alerts.create({ message: 'nope' }),
    )
    expect(failure).toMatchObject({ kind: 'wrong-key', status: 403, code: 40301 })
    expect(failure.message).toContain('use a global API integration key')
  })

  it('402: the plan lacks the API', async () => {
    const basic = await startSim({
      seed: 'empty',
      plan: { name: 'Free', incidentApi: false, serviceApi: false },
    })
    try {
      expect(
        await failureOf(() => clientFor(basic).incidents.create({ message: 'x' })),
      ).toMatchObject({ kind: 'plan', status: 402 })
    } finally {
      await basic.close()
    }
  })

  it('404: an unknown alert is not-found', async () => {
    const failure = await failureOf(() => clientFor(sim).alerts.get('does-not-exist'))
    expect(failure).toMatchObject({ kind: 'not-found', status: 404 })
    expect(failure.serverMessage).toContain('does-not-exist')
  })

  it('422: a body the server refuses comes back as invalid with field errors', async () => {
    const og = clientFor(sim)
    const body = { message: 'm', responders: [{ type: 'bb', name: 'x' }] }
    const failure = await failureOf(() =>
      og.http.send({ method: 'POST', path: '/v2/alerts', body, schema: Accepted }),
    )
    expect(failure).toMatchObject({ kind: 'invalid', origin: 'server', status: 422 })
    if (failure.kind !== 'invalid') throw new Error('narrowing')
    expect(Object.keys(failure.errors).join(' ')).toMatch(/responders/)
  })

  it('429 per second and per minute: throttled with the period, and never retried by the client', async () => {
    const og = clientFor(sim)
    sim.setRateLimits({ search: { perMinute: 1000, perSecond: 1 } })
    await og.alerts.list()
    const perSecond = await failureOf(() => og.alerts.list())
    expect(perSecond).toMatchObject({
      kind: 'throttled',
      status: 429,
      periodSeconds: 1,
      reason: 'ACCOUNT',
      state: 'THROTTLED',
    })
    expect(og.lastRateLimit()).toEqual({ state: 'THROTTLED', reason: 'ACCOUNT', periodSeconds: 1 })
    sim.setRateLimits({ search: { perMinute: 1, perSecond: 100 } })
    exchanges.length = 0
    await og.alerts.list()
    const perMinute = await failureOf(() => og.alerts.list())
    expect(perMinute).toMatchObject({ kind: 'throttled', periodSeconds: 60 })
    expect(perMinute.message).toContain('per-minute')
    expect(exchanges.map((e) => e.status)).toEqual([200, 429])
  })

  it('5xx is server, sent once (ky does not retry)', async () => {
    sim.setFaults({ errorRate: 1 })
    const failure = await failureOf(() => clientFor(sim).alerts.list())
    expect(failure.kind).toBe('server')
    expect([500, 503]).toContain(failure.kind === 'server' ? failure.status : 0)
    expect(exchanges).toHaveLength(1)
  })

  it('a reset connection is network', async () => {
    sim.setFaults({ resetRate: 1 })
    const failure = await failureOf(() => clientFor(sim).alerts.list())
    expect(failure.kind).toBe('network')
    expect(failure.message).toContain(
      `could not reach Opsgenie at ${sim.url} (connection closed before an answer)`,
    )
  })

  it('a dropped answer is network although the write was applied: retrying is the outbox decision', async () => {
    sim.setFaults({ dropResponseRate: 1 })
    const failure = await failureOf(() =>
      clientFor(sim).alerts.create({ message: 'applied but unanswered', alias: 'dropped' }),
    )
    expect(failure.kind).toBe('network')
    await sim.flushWebhooks()
    expect([...sim.state.alerts.values()].map((a) => a.alias)).toContain('dropped')
  })

  it('a refused connection is network', async () => {
    const gone = await startSim({ seed: 'empty' })
    const url = gone.url
    await gone.close()
    const failure = await failureOf(() => clientFor(gone).alerts.list())
    expect(failure).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' })
    expect(failure.message).toContain(`${url} (connection refused)`)
  })

  it('a slow answer is timeout', async () => {
    sim.setFaults({ latencyMs: 1500 })
    const started = Date.now()
    const failure = await failureOf(() =>
      clientFor(sim, 'k-global', { timeoutMs: 200 }).alerts.list(),
    )
    expect(failure).toMatchObject({ kind: 'timeout', timeoutMs: 200 })
    expect(Date.now() - started).toBeLessThan(1400)
  })
})

describe('the rate-limit hook', () => {
  it('reports every answer with its domain, status, request id and rate-limit headers', async () => {
    const seen: ResponseMeta[] = []
    const og = clientFor(sim, 'k-global', { onResponse: (meta) => seen.push(meta) })
    const accepted = await og.alerts.create({ message: 'hook' })
    await og.alerts.waitForRequest(accepted.requestId, { intervalMs: 10 })
    await og.alerts.list()
    await thrown(() => og.config.getTeam('nope', 'name'))
    expect(seen.map((m) => [m.method, m.path, m.domain, m.status])).toEqual([
      ['POST', '/v2/alerts', 'alert', 202],
      ...seen.slice(1, -2).map((m) => ['GET', m.path, 'alert', m.status]),
      ['GET', '/v2/alerts', 'search', 200],
      ['GET', '/v2/teams/nope', 'configuration', 404],
    ])
    for (const meta of seen) {
      expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(meta.rateLimit?.state).toBe('OK')
    }
    expect(seen[0]?.requestId).toBe(accepted.requestId)
    expect(og.lastResponse()?.status).toBe(404)
    expect(isOpsgenieError(new Error('plain'))).toBe(false)
  })
})
