import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RATE_DOMAINS } from '../../../../src/shared/opsgenie/rate-domains'
import { DEFAULT_BUDGETS } from '../../../../src/main/gateway/governor'
import { until } from '../intake/support'
import { maxInWindow } from './fake-clock'
import {
  busyDesktop,
  connectDesktop,
  earlyRetries,
  greedyClient,
  startSharedAccount,
  type Desktop,
  type SharedAccount,
} from './shared-account'

/**
 * The governor learns the account: budgets from the simulator's `/v2/request-limits` on connect,
 * a share of them per desktop, and the rate-limit headers of every answer. Non-default limits,
 * so defaults cannot pass for learned ones; the alert domain's per-second window is the tight one
 * (per-minute 429s would make a test wait a minute).
 */
const LIMITS = {
  alert: { perMinute: 6000, perSecond: 6 },
  incident: { perMinute: 90, perSecond: 4 },
  configuration: { perMinute: 300, perSecond: 10 },
  search: { perMinute: 240, perSecond: 8 },
  'schedule-oncalls': { perMinute: 50, perSecond: 3 },
}
const KEYS = ['desk-a', 'desk-b', 'greedy', 'desk-c']

describe('the governor learns the account it shares (real simulator)', () => {
  let account: SharedAccount
  const desktops: Desktop[] = []
  const connect = async (key: string, accountShare?: number): Promise<Desktop> => {
    const desktop = await connectDesktop(
      account.sim,
      key,
      accountShare === undefined ? {} : { accountShare },
    )
    desktops.push(desktop)
    return desktop
  }

  beforeAll(async () => {
    account = await startSharedAccount(KEYS, LIMITS, 'team-key')
  })
  afterAll(async () => {
    await Promise.all(desktops.map((d) => d.workspaces.disconnectAll()))
    await account.close()
  })

  it('budgets half of each limit /v2/request-limits states, read on connect', async () => {
    const { connection } = await connect('desk-a')
    await expect(connection.limits).resolves.toMatchObject({ source: 'account', share: 0.5 })
    const domains = connection.governor.state().domains
    for (const domain of RATE_DOMAINS) {
      expect(domains[domain].perMinute.limit, domain).toBe(Math.floor(LIMITS[domain].perMinute / 2))
      expect(domains[domain].perSecond.limit, domain).toBe(Math.floor(LIMITS[domain].perSecond / 2))
    }
    expect(account.hits.some((h) => h.key === 'desk-a' && h.path === '/v2/request-limits')).toBe(
      true,
    )
    await desktops.pop()?.workspaces.disconnectAll()
  })

  it('takes a configured share, never below one request per window', async () => {
    const { connection } = await connect('desk-c', 0.25)
    await connection.limits
    const domains = connection.governor.state().domains
    expect(domains.alert.perSecond.limit).toBe(1)
    expect(domains.incident.perMinute.limit).toBe(22)
    expect(domains['schedule-oncalls'].perSecond.limit).toBe(1)
    await desktops.pop()?.workspaces.disconnectAll()
  })

  it('refuses a share outside (0, 1] when the registry is built, naming it', async () => {
    await expect(connectDesktop(account.sim, 'desk-c', { accountShare: 1.5 })).rejects.toThrow(
      /account share must be in \(0, 1\] \(got 1.5\)/,
    )
  })

  it('keeps its defaults, and connects, when the key may not read the limits', async () => {
    const { connection } = await connect('team-key')
    const learned = await connection.limits
    expect(learned).toMatchObject({ source: 'defaults' })
    expect(learned.source === 'defaults' ? learned.reason : '').toMatch(/403|key/i)
    expect(connection.governor.state().domains.alert.perMinute.limit).toBe(
      DEFAULT_BUDGETS.alert.perMinute,
    )
    await desktops.pop()?.workspaces.disconnectAll()
  })

  it('two busy desktops on one account stay inside it together: no 429', async () => {
    account.hits.length = 0
    const a = await connect('desk-a')
    const b = await connect('desk-b')
    await Promise.all([a.connection.limits, b.connection.limits])
    const stopAt = performance.now() + 2500
    await Promise.all([busyDesktop(a, 3, stopAt), busyDesktop(b, 3, stopAt)])
    const alertHits = account.hits.filter((h) => h.domain === 'alert')
    expect(alertHits.filter((h) => h.status === 429)).toEqual([])
    for (const key of ['desk-a', 'desk-b']) {
      const times = alertHits.filter((h) => h.key === key).map((h) => h.at)
      // each desktop kept to floor(3 x 0.9) = 2 a second, and did get its share; the times are
      // the simulator's, after loopback latency that varies by tens of ms on a busy machine
      // (a new connection's first request most), hence the shorter window
      expect(maxInWindow(times, 750), key).toBeLessThanOrEqual(2)
      expect(times.length, key).toBeGreaterThanOrEqual(4)
    }
    await Promise.all(desktops.splice(0).map((d) => d.workspaces.disconnectAll()))
  })

  it('hears a 429 on a request it never admitted (the hook) and closes the domain', async () => {
    const { connection } = await connect('desk-a')
    await connection.limits
    const throttled = await until(async () => {
      // another client empties the account's per-second alert bucket...
      await greedyClient(account.sim.url, 'greedy', 8, performance.now() + 60)
      // ...and this desktop calls the client directly, bypassing its governor
      const status = await connection.client.alerts.get('x').then(
        () => 200,
        (e: unknown) => (e as { failure?: { status?: number } }).failure?.status,
      )
      return status === 429
    }, 'a 429 on the direct call')
    expect(throttled).toBe(true)
    const alert = connection.governor.state().domains.alert
    expect(alert.throttledUntil).not.toBeNull()
    expect(alert.lastReason).toBe('ACCOUNT')
    expect(alert.perSecond.rateFactor).toBeLessThan(1)
    await desktops.pop()?.workspaces.disconnectAll()
  })

  it('backs off when another client loads the account: nothing before the advertised period', async () => {
    account.hits.length = 0
    const a = await connect('desk-a')
    await a.connection.limits
    const stopAt = performance.now() + 3000
    await Promise.all([
      greedyClient(account.sim.url, 'greedy', 2, stopAt, 20),
      busyDesktop(a, 1, stopAt),
    ])
    const mine = account.hits.filter((h) => h.key === 'desk-a' && h.domain === 'alert')
    expect(mine.filter((h) => h.status === 429).length).toBeGreaterThan(0)
    expect(earlyRetries(account.hits, 'desk-a')).toBe(0)
    expect(a.connection.governor.state().domains.alert.lastReason).toBe('ACCOUNT')
    await Promise.all(desktops.splice(0).map((d) => d.workspaces.disconnectAll()))
  })
})
