import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { GLOBAL_KEY, api, data, startTestSim } from './helpers'

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startTestSim({ seed: 'demo' })
})
afterEach(async () => {
  await sim.close()
})

const ids = (res: { body: Record<string, unknown> }): string[] =>
  (res.body.data as { tinyId: string }[]).map((a) => a.tinyId)

describe('alert list paging', () => {
  it('pages with absolute next/prev/first/last URLs on its own origin and X-Paging headers', async () => {
    const first = await api(
      sim,
      'GET',
      '/v2/alerts?query=status%3Aopen&limit=5&sort=tinyId&order=asc',
    )
    expect(first.status).toBe(200)
    expect(ids(first)).toEqual(['1', '2', '4', '5', '6'])
    const paging = first.body.paging as Record<string, string>
    expect(paging.next).toBe(
      `${sim.url}/v2/alerts?query=status%3Aopen&offset=5&limit=5&sort=tinyId&order=asc`,
    )
    expect(paging.first).toBe(
      `${sim.url}/v2/alerts?query=status%3Aopen&offset=0&limit=5&sort=tinyId&order=asc`,
    )
    expect(paging.last).toBe(
      `${sim.url}/v2/alerts?query=status%3Aopen&offset=15&limit=5&sort=tinyId&order=asc`,
    )
    expect(paging.prev).toBeUndefined()
    expect(first.headers.get('x-paging-next')).toBe(paging.next)
    expect(first.headers.get('x-paging-last')).toBe(paging.last)
    // Following `next` to the end visits every open alert exactly once.
    const seen: string[] = []
    let url: string | undefined =
      `${sim.url}/v2/alerts?query=status%3Aopen&limit=5&sort=tinyId&order=asc`
    while (url) {
      const res = await fetch(url, { headers: { Authorization: `GenieKey ${GLOBAL_KEY}` } })
      const body = (await res.json()) as {
        data: { tinyId: string; status: string }[]
        paging: { next?: string; prev?: string }
      }
      seen.push(...body.data.map((a) => a.tinyId))
      expect(body.data.every((a) => a.status === 'open')).toBe(true)
      url = body.paging.next
    }
    expect(seen).toHaveLength(18)
    expect(new Set(seen).size).toBe(18)
  })

  it('defaults to limit 20 and createdAt desc, caps limit at 100 and offset+limit at 20,000', async () => {
    const res = await api(sim, 'GET', '/v2/alerts')
    expect(data<unknown[]>(res)).toHaveLength(20)
    const created = (res.body.data as { createdAt: string }[]).map((a) => Date.parse(a.createdAt))
    expect([...created].sort((a, b) => b - a)).toEqual(created)
    expect((await api(sim, 'GET', '/v2/alerts?limit=101')).status).toBe(422)
    expect((await api(sim, 'GET', '/v2/alerts?offset=19900&limit=100')).status).toBe(200)
    const deep = await api(sim, 'GET', '/v2/alerts?offset=19901&limit=100')
    expect(deep.status).toBe(422)
    expect(String(deep.body.message)).toContain('20000')
  })

  it('counts and filters with the query language, and names a bad query in a 422', async () => {
    const count = async (q: string): Promise<number> =>
      data<{ count: number }>(
        await api(sim, 'GET', `/v2/alerts/count?query=${encodeURIComponent(q)}`),
      ).count
    expect(await count('')).toBe(24)
    expect(await count('status:open')).toBe(18)
    expect(await count('status:closed')).toBe(6)
    expect(await count('status:open AND acknowledged:true')).toBe(6)
    expect(await count('priority:P1 OR priority:P2')).toBe(10)
    expect(await count('tag:errors')).toBe(4)
    expect(await count('teams:Payments AND NOT status:closed')).toBeGreaterThan(0)
    expect(await count('message:checkout')).toBe(2)
    expect(await count(`createdAt>${Date.now() - 2 * 37 * 60_000 - 1000}`)).toBe(2)
    expect(await count('alias:demo-3')).toBe(1)
    const bad = await api(sim, 'GET', `/v2/alerts?query=${encodeURIComponent('status:open AND (')}`)
    expect(bad.status).toBe(422)
    expect(String(bad.body.message)).toMatch(/^Invalid query: /)
    const unknown = await api(sim, 'GET', `/v2/alerts?query=${encodeURIComponent('colour:red')}`)
    expect(unknown.body.message).toContain("unknown field 'colour'")
  })
})

describe('other paged lists', () => {
  it('pages services and users with small limits', async () => {
    const services = await api(sim, 'GET', '/v1/services?limit=5&offset=10')
    expect(data<unknown[]>(services)).toHaveLength(2)
    const paging = services.body.paging as Record<string, string>
    expect(paging.prev).toBe(`${sim.url}/v1/services?offset=5&limit=5`)
    expect(paging.next).toBeUndefined()
    const users = await api(sim, 'GET', '/v2/users?limit=4')
    expect(users.body.totalCount).toBe(10)
    expect(data<unknown[]>(users)).toHaveLength(4)
    expect((users.body.paging as Record<string, string>).next).toBe(
      `${sim.url}/v2/users?offset=4&limit=4`,
    )
  })
})
