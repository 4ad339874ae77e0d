import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGovernor, type Governor } from '../../../../../src/main/gateway/governor'
import { createOpsgenieProvider } from '../../../../../src/main/gateway/provider/opsgenie/adapter'
import {
  ProviderError,
  type FeedItem,
  type Page,
  type Provider,
} from '../../../../../src/main/gateway/provider/provider'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import { clientFor, startSim, thrown } from './support'

let sim: RunningSimulator

/** Every request the adapter sent through the governor: domain and priority. */
const governed: string[] = []

function providerFor(apiKey: string, host?: string): Provider {
  const governor = createGovernor()
  const spy: Governor = {
    ...governor,
    run: (domain, priority, send, classify, signal) => {
      governed.push(`${domain}/${priority}`)
      return governor.run(domain, priority, send, classify, signal)
    },
  }
  const client = clientFor(sim, apiKey, host !== undefined ? { host } : {})
  return createOpsgenieProvider({ client, governor: spy })
}

async function all<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await read(cursor)
    items.push(...page.items)
    cursor = page.next
  } while (cursor !== undefined)
  return items
}

const time = (item: FeedItem<unknown>): number => Date.parse(item.updatedAt ?? '')

beforeAll(async () => {
  sim = await startSim({ seed: 'demo' })
})
afterAll(async () => sim.close())

describe("the Opsgenie provider's feed (what intake reads)", () => {
  it('lists changed alerts in domain terms, oldest change first, across opaque page cursors', async () => {
    governed.length = 0
    const provider = providerFor('k-global')
    const items = await all((cursor) => provider.feed.changedAlerts(0, cursor, { limit: 10 }))
    expect(items.length).toBeGreaterThan(10)
    for (const item of items) {
      expect(item.record?.id).toBe(item.id)
      expect(item.record?.updatedAt).toBe(item.updatedAt)
    }
    const times = items.map(time)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(new Set(governed)).toEqual(new Set(['search/sync']))
  })

  it('lists every open alert for reconciliation, and changed incidents', async () => {
    const provider = providerFor('k-global')
    const open = await all((cursor) => provider.feed.openAlerts(cursor, { limit: 10 }))
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((item) => item.record?.status === 'open')).toBe(true)
    const incidents = await all((cursor) => provider.feed.changedIncidents(0, cursor))
    for (const item of incidents) expect(item.record?.id).toBe(item.id)
  })

  it('throws typed, provider-neutral failures: a refused key, an unreachable host', async () => {
    const refused = await thrown(() => providerFor('k-nope').feed.changedAlerts(0, undefined))
    expect(refused).toBeInstanceOf(ProviderError)
    expect((refused as ProviderError).failure).toMatchObject({ kind: 'refused', reason: 'bad-key' })

    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const gone = await thrown(() =>
      providerFor('k-global', `http://127.0.0.1:${port}`).feed.openAlerts(undefined),
    )
    expect(gone).toBeInstanceOf(ProviderError)
    expect((gone as ProviderError).failure.kind).toBe('unreachable')
  })

  it('refuses a cursor it did not hand out', async () => {
    const provider = providerFor('k-global')
    await expect(provider.feed.changedAlerts(0, 'page-2')).rejects.toThrow(/not a feed cursor/)
  })
})
