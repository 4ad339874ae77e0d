import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/relay/config.js'
import type { RunningRelay } from '../../../src/relay/index.js'
import { openRedisTokens } from '../../../src/relay/store/redis-backend.js'
import { pollUntil } from '../support/relay-harness.js'
import { startTestRedis, type TestRedis } from './redis-server.js'
import { alertBody, eventIds, postWebhook, startRedisRelay, stream } from './support.js'

let redis: TestRedis
let a: RunningRelay
let b: RunningRelay

beforeAll(async () => {
  redis = await startTestRedis()
  a = await startRedisRelay(redis.url)
  b = await startRedisRelay(redis.url)
})
afterAll(async () => {
  await a.close()
  await b.close()
  await redis.stop()
})

describe('Redis down and back', () => {
  it('answers 503 at once while Redis is down and recovers without a restart', async () => {
    const tokens = await openRedisTokens({ url: redis.url })
    const token = await tokens.create('outage')
    await tokens.close()
    const onB = await stream(b.url, token)
    const before = await postWebhook(a.url, alertBody(1, 'outage'))
    expect(before.status).toBe(200)
    await pollUntil(() => eventIds(onB).length === 1, 'the first event on B')

    // Redis is SIGKILLed with webhooks in flight: whatever was answered 200 must survive it.
    const inFlight = Array.from({ length: 40 }, (_, n) =>
      postWebhook(n % 2 ? a.url : b.url, alertBody(100 + n, 'outage')),
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    await redis.kill()
    const acked = (await Promise.all(inFlight)).flatMap((r) =>
      r.status === 200 ? [r.json.id ?? 0] : [],
    )
    const started = Date.now()
    const down = await postWebhook(a.url, alertBody(2, 'outage'))
    expect(down.status).toBe(503)
    // Fails fast: no offline queue, a bounded command timeout.
    expect(Date.now() - started).toBeLessThan(3000)
    expect((await fetch(`${b.url}/healthz`)).status).toBe(503)
    expect((await stream(a.url, token)).status).toBe(503)

    await redis.start()
    await pollUntil(
      async () => (await postWebhook(a.url, alertBody(3, 'outage'))).status === 200,
      'a webhook accepted again after Redis came back',
      15_000,
    )
    const after = await postWebhook(b.url, alertBody(4, 'outage'))
    expect(after.status).toBe(200)
    // The stream on B survived the outage and continues in order, ids never reused.
    await pollUntil(
      () => eventIds(onB).includes(after.json.id ?? -1),
      'the events after the outage on B',
      10_000,
    )
    const ids = eventIds(onB)
    expect(ids[0]).toBe(before.json.id)
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    expect(new Set(ids).size).toBe(ids.length)
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200)
    const replay = await stream(a.url, token, 0)
    await pollUntil(() => eventIds(replay).includes(after.json.id ?? -1), 'a full replay')
    expect(eventIds(replay)).toEqual(expect.arrayContaining([before.json.id, ...acked]))
    replay.close()
    onB.close()
  })
})

describe('Redis that comes back empty', () => {
  it('ends every stream, and a desktop resuming past the new ids gets reset instead of a silent gap', async () => {
    const wiped = await startTestRedis()
    const relay = await startRedisRelay(wiped.url)
    try {
      const tokens = await openRedisTokens({ url: wiped.url })
      const token = await tokens.create('wiped')
      await tokens.close()
      for (let n = 0; n < 5; n++) await postWebhook(relay.url, alertBody(n, 'wiped'))
      const client = await stream(relay.url, token, 0)
      await pollUntil(() => eventIds(client).length === 5, 'five events')

      await wiped.kill()
      rmSync(join(wiped.dir, 'appendonlydir'), { recursive: true, force: true })
      await wiped.start()
      await client.ended
      const again = await openRedisTokens({ url: wiped.url })
      const fresh = await again.create('wiped')
      await again.close()
      await pollUntil(
        async () => (await postWebhook(relay.url, alertBody(9, 'wiped'))).status === 200,
        'the relay accepting webhooks on the empty Redis',
        15_000,
      )
      const resumed = await stream(relay.url, fresh, 5)
      await pollUntil(() => resumed.messages.some((m) => m.event === 'reset'), 'a reset')
      expect(resumed.messages.find((m) => m.event === 'reset')?.data).toMatch(/unknown_cursor/)
      resumed.close()
    } finally {
      await relay.close()
      await wiped.stop()
    }
  })
})

describe('Redis persistence check', () => {
  it('refuses a Redis without appendfsync always unless the operator accepts it', async () => {
    const lax = await startTestRedis({ appendfsync: 'everysec' })
    try {
      const refused = startRedisRelay(lax.url)
      await expect(refused).rejects.toThrow(ConfigError)
      await expect(refused).rejects.toThrow(/appendfsync is "everysec".*--accept-volatile-store/)
      const accepted = await startRedisRelay(lax.url, true)
      expect((await postWebhook(accepted.url, alertBody(1, 'lax'))).status).toBe(200)
      await accepted.close()
    } finally {
      await lax.stop()
    }
  })

  it('refuses a Redis whose CONFIG command is disabled, as managed services do, unless accepted', async () => {
    const managed = await startTestRedis({ extraArgs: ['--rename-command', 'CONFIG', '""'] })
    try {
      await expect(startRedisRelay(managed.url)).rejects.toThrow(/CONFIG GET failed.*managed/)
      const accepted = await startRedisRelay(managed.url, true)
      await accepted.close()
    } finally {
      await managed.stop()
    }
  })
})
