import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EventStore, NewEvent } from '../../../src/relay/index.js'
import { connectRedis, type RedisConnection } from '../../../src/relay/store/redis-connection.js'
import { openRedisEventStore } from '../../../src/relay/store/redis-store.js'
import { startTestRedis, type TestRedis } from '../redis/redis-server.js'

const HOUR = 3600_000
let redis: TestRedis
const open: RedisConnection[] = []

beforeAll(async () => {
  redis = await startTestRedis()
})
afterAll(async () => {
  for (const c of open) await c.close()
  await redis.stop()
})
beforeEach(async () => {
  const admin = await connect()
  await admin.send(['FLUSHALL'])
})

async function connect(): Promise<RedisConnection> {
  const c = await connectRedis({ url: redis.url })
  open.push(c)
  return c
}

async function store(retentionMs = 72 * HOUR): Promise<EventStore> {
  return openRedisEventStore(await connect(), { retentionMs })
}

const event = (n: number, receivedAt = Date.now(), payload = `{"n":${n}}`): NewEvent => ({
  receivedAt,
  action: 'Create',
  alertId: `a-${n}`,
  dedupKey: `a-${n}|Create|${n}`,
  payload,
})

describe('Redis event store', () => {
  it('assigns increasing ids in input order and reads them back after a cursor', async () => {
    const s = await store()
    const stored = await s.append([event(1), event(2), event(3)])
    expect(stored.map((e) => e.id)).toEqual([1, 2, 3])
    expect(stored.every((e) => !e.repeat)).toBe(true)
    const after = await s.readAfter(1, 10)
    expect(after.map((e) => [e.id, e.alertId, e.payload])).toEqual([
      [2, 'a-2', '{"n":2}'],
      [3, 'a-3', '{"n":3}'],
    ])
    expect((await s.readAfter(0, 2)).map((e) => e.id)).toEqual([1, 2])
    expect(await s.window()).toMatchObject({ latestId: 3, prunedThroughId: 0 })
  })

  it('marks a repeat across instances: a dedup key stored through one is a repeat on the other', async () => {
    const [a, b] = [await store(), await store()]
    await a.append([event(7)])
    const [again] = await b.append([event(7)])
    expect(again).toMatchObject({ id: 2, repeat: true })
    expect((await a.readAfter(1, 10))[0]?.repeat).toBe(true)
  })

  it('names dedup keys by digest, so a huge alertId never becomes a huge Redis key', async () => {
    const s = await store()
    const huge = { ...event(1), dedupKey: `${'a'.repeat(500_000)}|Create|1` }
    await s.append([huge])
    expect((await s.append([huge]))[0]?.repeat).toBe(true)
    const names = await (await connect()).send<string[]>(['KEYS', '*dedup:*'])
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/dedup:[0-9a-f]{64}$/)
  })

  it('keeps stream order equal to id order with two instances appending concurrently', async () => {
    const [a, b] = [await store(), await store()]
    const rounds = Array.from({ length: 100 }, (_, i) =>
      (i % 2 === 0 ? a : b).append([event(3 * i), event(3 * i + 1), event(3 * i + 2)]),
    )
    const ids = (await Promise.all(rounds)).flat().map((e) => e.id)
    expect(new Set(ids).size).toBe(300)
    expect(Math.max(...ids)).toBe(300)
    const read: number[] = []
    for (let page = await a.readAfter(0, 64); page.length > 0;) {
      read.push(...page.map((e) => e.id))
      page = await a.readAfter(read[read.length - 1] ?? 0, 64)
    }
    expect(read).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
  })

  it('prunes by age, moves the pruned mark and never reuses an id', async () => {
    const s = await store()
    const now = Date.now()
    await s.append([event(1, now - 80 * HOUR), event(2, now - 75 * HOUR), event(3, now)])
    expect(await s.prune({ before: now - 72 * HOUR })).toBe(2)
    expect(await s.window()).toMatchObject({
      latestId: 3,
      prunedThroughId: 2,
      oldestReceivedAt: now,
    })
    expect((await s.readAfter(0, 10)).map((e) => e.id)).toEqual([3])
    expect(await s.prune({ before: now + 1 })).toBe(1)
    const [next] = await s.append([event(4)])
    expect(next?.id).toBe(4)
  })

  it('counts bytes and prunes the oldest past the size cap, even inside the retention period', async () => {
    const s = await store()
    const big = 'x'.repeat(10_000)
    await s.append(Array.from({ length: 20 }, (_, i) => event(i, Date.now(), big)))
    const full = await s.size()
    expect(full).toBeGreaterThan(200_000)
    expect(full).toBeLessThan(210_000)
    const removed = await s.prune({ before: 0, maxBytes: 100_000 })
    expect(removed).toBe(11)
    expect(await s.size()).toBeLessThanOrEqual(100_000)
    expect(await s.window()).toMatchObject({ prunedThroughId: 11, latestId: 20 })
    expect(await s.prune({ before: 0, maxBytes: 100_000 })).toBe(0)
    await s.prune({ before: Date.now() + 1 })
    expect(await s.size()).toBe(0)
  })
})
