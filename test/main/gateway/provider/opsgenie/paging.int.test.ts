import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import type {
  BaseAlert,
  OpsgenieClient,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { clientFor, startSim } from './support'

let sim: RunningSimulator
let og: OpsgenieClient
const paths: string[] = []

beforeAll(async () => {
  sim = await startSim({
    onExchange: (e) => paths.push(`${e.path}?${new URLSearchParams(e.query).toString()}`),
  })
  og = clientFor(sim)
})
afterAll(async () => {
  await sim.close()
})

describe('alert paging over HTTP', () => {
  it('listAll follows paging.next until the end', async () => {
    const total = [...sim.state.alerts.values()].filter((a) => a.status === 'open').length
    expect(total).toBeGreaterThan(5)
    paths.length = 0
    const all = await og.alerts.listAll({
      query: 'status:open',
      limit: 5,
      sort: 'createdAt',
      order: 'asc',
    })
    expect(all.items).toHaveLength(total)
    expect(new Set(all.items.map((a) => a.id)).size).toBe(total)
    expect(all.pages).toBe(Math.ceil(total / 5))
    expect(all.stoppedAtCap).toBe(false)
    // the next links keep the query, sort and order
    expect(paths.every((p) => p.includes('query=status%3Aopen') && p.includes('order=asc'))).toBe(
      true,
    )
  })

  it('pages() yields one page at a time and can be abandoned', async () => {
    const seen: BaseAlert[][] = []
    for await (const page of og.alerts.pages({ limit: 3 })) {
      seen.push([...page.items])
      if (seen.length === 2) break
    }
    expect(seen.map((p) => p.length)).toEqual([3, 3])
    expect(seen[0]?.[0]?.id).not.toBe(seen[1]?.[0]?.id)
  })
})
