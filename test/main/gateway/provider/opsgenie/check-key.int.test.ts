import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Exchange, RunningSimulator } from '../../../../../src/simulator/index'
import { checkKey } from '../../../../../src/main/gateway/provider/opsgenie/index'
import { clientFor, startSim } from './support'

let sim: RunningSimulator
const exchanges: Exchange[] = []

beforeAll(async () => {
  sim = await startSim({ onExchange: (e) => exchanges.push(e) })
})
afterAll(async () => {
  await sim.close()
})

describe('checkKey against the simulator', () => {
  it('a global key: everything answers, account and plan known', async () => {
    const report = await checkKey(clientFor(sim, 'k-global'))
    expect(report).toMatchObject({
      valid: true,
      kind: 'global',
      account: { plan: { name: 'Enterprise' } },
    })
    for (const probe of Object.values(report.apis)) expect(probe.ok).toBe(true)
    expect(report.requestLimits?.rateLimits.length).toBeGreaterThan(0)
    expect(report.rateLimit?.state).toBe('OK')
  })

  it('a team key: refused account-level endpoints, alerts answer', async () => {
    const report = await checkKey(clientFor(sim, 'k-team'))
    expect(report.kind).toBe('team')
    expect(report.account).toBeUndefined()
    expect(report.apis.account).toMatchObject({ ok: false, failure: { kind: 'wrong-key' } })
    expect(report.apis.alerts?.ok).toBe(true)
  })

  it('an account-level key: reads, but may not write alerts', async () => {
    const report = await checkKey(clientFor(sim, 'k-account'))
    expect(report.kind).toBe('account-level')
    expect(report.apis.alertWrites).toMatchObject({ ok: false, failure: { kind: 'wrong-key' } })
  })

  it('a wrong key stops at the first probe', async () => {
    exchanges.length = 0
    const report = await checkKey(clientFor(sim, 'k-nope'))
    expect(report).toMatchObject({ valid: false, kind: 'unknown', rejected: { kind: 'bad-key' } })
    expect(exchanges).toHaveLength(1)
  })

  it('with probeWrites off it sends only GETs, and changes nothing either way', async () => {
    const alertsBefore = sim.state.alerts.size
    exchanges.length = 0
    const report = await checkKey(clientFor(sim, 'k-global'), { probeWrites: false })
    expect(report.kind).toBe('unknown')
    expect(exchanges.every((e) => e.method === 'GET')).toBe(true)
    await checkKey(clientFor(sim, 'k-global'))
    await sim.flushWebhooks()
    expect(sim.state.alerts.size).toBe(alertsBefore)
  })
})
