import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createGovernor, type RequestPriority } from '../../../../src/main/gateway/governor'
import { maxInWindow } from './fake-clock'

/** A steady-rate token bucket, the way Opsgenie describes its own limiter. */
function bucket(capacity: number, periodMs: number) {
  let tokens = capacity
  let last = performance.now()
  return (): boolean => {
    const now = performance.now()
    tokens = Math.min(capacity, tokens + ((now - last) * capacity) / periodMs)
    last = now
    if (tokens < 1) return false
    tokens -= 1
    return true
  }
}

/** 4/s and 100/min for the alert domain; over either, a 429 like Opsgenie's. */
function startLimitedServer(log: { at: number; status: number }[]): Promise<Server> {
  const perSecond = bucket(4, 1000)
  const perMinute = bucket(100, 60_000)
  const server = createServer((req, res) => {
    const at = performance.now()
    const period = !perMinute() ? 60 : !perSecond() ? 1 : 0
    const status = period === 0 ? 202 : 429
    log.push({ at, status })
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (period > 0) {
      headers['X-RateLimit-State'] = 'THROTTLED'
      headers['X-RateLimit-Reason'] = 'ACCOUNT'
      headers['X-RateLimit-Period-In-Sec'] = String(period)
    }
    res.writeHead(status, headers).end(JSON.stringify({ result: 'Request will be processed' }))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe('governor against a real rate-limited HTTP server', () => {
  const serverLog: { at: number; status: number }[] = []
  let server: Server
  let url: string
  beforeAll(async () => {
    server = await startLimitedServer(serverLog)
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/alerts/a1/acknowledge`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('backs off after 429s, never sends early, lowers its rate, and lets user actions overtake', async () => {
    // the governor believes the account allows 8/s; the server allows 4/s
    const governor = createGovernor({ budgets: { alert: { perSecond: 8, perMinute: 100 } } })
    const sent: { at: number; priority: RequestPriority }[] = []
    const throttles: { at: number; periodMs: number }[] = []

    const call = async (priority: RequestPriority): Promise<void> => {
      for (;;) {
        const status = await governor.run(
          'alert',
          priority,
          async () => {
            sent.push({ at: performance.now(), priority })
            const res = await fetch(url, { method: 'POST', body: '{}' })
            await res.text()
            return { status: res.status, headers: res.headers }
          },
          (r) => {
            if (!r.ok || r.value.status !== 429) return {}
            const periodSeconds = Number(r.value.headers.get('x-ratelimit-period-in-sec') ?? 60)
            throttles.push({ at: performance.now(), periodMs: periodSeconds * 1000 })
            const reason = r.value.headers.get('x-ratelimit-reason') ?? undefined
            return { throttled: { periodSeconds, reason } }
          },
        )
        if (status.status !== 429) return
      }
    }

    const imports = Array.from({ length: 16 }, () => call('import'))
    // once background work is queued and throttled, a responder acts
    await vi.waitFor(
      () =>
        expect(throttles.length > 0 && governor.state().domains.alert.queued.import > 5).toBe(true),
      { timeout: 10000 },
    )
    const userQueuedAtSend = sent.length
    const users = Array.from({ length: 3 }, () => call('user'))
    await Promise.all([...imports, ...users])

    // every 429 was followed by at least its advertised period of silence
    for (const t of throttles) {
      const early = sent.filter((s) => s.at > t.at && s.at < t.at + t.periodMs)
      expect(early, `sent within ${t.periodMs} ms of a 429 at ${t.at}`).toEqual([])
    }
    // the rate was lowered after the first throttle: no second round of 429s
    const firstEnd = (throttles[0]?.at ?? 0) + 1000
    expect(serverLog.filter((e) => e.status === 429 && e.at > firstEnd)).toEqual([])
    expect(governor.state().domains.alert.perSecond.rateFactor).toBe(0.5)
    expect(governor.state().domains.alert.lastReason).toBe('ACCOUNT')
    // never more than the governor's own effective budget in any second
    expect(
      maxInWindow(
        sent.map((s) => s.at).sort((a, b) => a - b),
        1000,
      ),
    ).toBeLessThanOrEqual(7)
    // the three user actions went before every import still waiting when they arrived
    expect(sent.slice(userQueuedAtSend, userQueuedAtSend + 3).map((s) => s.priority)).toEqual([
      'user',
      'user',
      'user',
    ])
    expect(serverLog.filter((e) => e.status === 202)).toHaveLength(19)
    governor.dispose()
  })
})
