import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../../src/relay/index.js'
import { connectRedis } from '../../../src/relay/store/redis-connection.js'
import { openRedisEventStore, redisKeys } from '../../../src/relay/store/redis-store.js'
import { startStreamTail } from '../../../src/relay/store/redis-tail.js'
import { pollUntil } from '../support/relay-harness.js'
import { startTestRedis, type TestRedis } from '../redis/redis-server.js'

let redis: TestRedis
beforeAll(async () => {
  redis = await startTestRedis()
})
afterAll(async () => {
  await redis.stop()
})

const event = (n: number): Parameters<ReturnType<typeof openRedisEventStore>['append']>[0][0] => ({
  receivedAt: Date.now(),
  action: 'Create',
  alertId: `t-${n}`,
  dedupKey: `t-${n}|Create|${n}`,
  payload: `{"n":${n}}`,
})

describe('Redis stream tail', () => {
  it('publishes every stored event in id order, continues after Redis restarts, and reports lost data', async () => {
    const keys = redisKeys()
    const store = openRedisEventStore(await connectRedis({ url: redis.url }), {
      retentionMs: 3600_000,
    })
    const seen: StoredEvent[] = []
    const lost: number[] = []
    const tail = startStreamTail(
      await connectRedis({ url: redis.url }),
      {
        stream: keys.events,
        seq: keys.seq,
        publish: (e) => seen.push(...e),
        lost: (id) => lost.push(id),
      },
      0,
    )
    try {
      await store.append([event(1), event(2)])
      await store.append([event(3)])
      await pollUntil(() => seen.length === 3, 'three events')
      expect(seen.map((e) => e.id)).toEqual([1, 2, 3])

      await redis.kill()
      await redis.start()
      await pollUntil(
        () =>
          store.append([event(4)]).then(
            () => true,
            () => false,
          ),
        'Redis back with its AOF',
        15_000,
      )
      await pollUntil(() => seen.length === 4, 'the event after the restart')
      expect(seen.map((e) => e.id)).toEqual([1, 2, 3, 4])
      expect(lost).toEqual([])

      await redis.kill()
      rmSync(join(redis.dir, 'appendonlydir'), { recursive: true, force: true })
      await redis.start()
      await pollUntil(() => lost.length > 0, 'the loss to be noticed', 15_000)
      expect(lost).toEqual([0])
      await store.append([event(5)])
      await pollUntil(() => seen.length === 5, 'events after the loss, ids restarted')
      expect(seen.at(-1)?.id).toBe(1)
    } finally {
      await tail.stop()
      await store.close()
    }
  })
})
