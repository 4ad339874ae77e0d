import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningRelay } from '../../../src/relay/index.js'
import { openRedisTokens } from '../../../src/relay/store/redis-backend.js'
import { pollUntil } from '../support/relay-harness.js'
import { runRelayCli } from '../support/relay-process.js'
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

/** Through the CLI, as an operator would. */
async function cliToken(name: string): Promise<string> {
  const created = await runRelayCli(['token', 'create', '--store', redis.url, '--name', name])
  expect(created, created.stderr).toMatchObject({ code: 0 })
  return created.stdout.trim()
}

/** In-process, for the tests about events (spawning the CLI costs seconds on a loaded machine). */
async function createToken(name: string): Promise<string> {
  const tokens = await openRedisTokens({ url: redis.url })
  try {
    return await tokens.create(name)
  } finally {
    await tokens.close()
  }
}

describe('two relay instances on one Redis', () => {
  it('accepts a token created with --store on both instances, and on neither once revoked', async () => {
    const token = await cliToken('both-laptop')
    const [onA, onB] = [await stream(a.url, token), await stream(b.url, token)]
    expect([onA.status, onB.status]).toEqual([200, 200])
    const listed = await runRelayCli(['token', 'list', '--store', redis.url])
    expect(listed.stdout).toMatch(/^both-laptop\t\d{4}-/m)

    const revoked = await runRelayCli([
      'token',
      'revoke',
      '--store',
      redis.url,
      '--name',
      'both-laptop',
    ])
    expect(revoked.code).toBe(0)
    // Both streams are cut promptly: each instance polls the shared revision counter.
    await Promise.all([onA.ended, onB.ended])
    expect((await stream(b.url, token)).status).toBe(401)
  })

  it('gives every client on both instances every event, in id order, whichever instance took it', async () => {
    const token = await createToken('fanout')
    const clients = [
      await stream(a.url, token),
      await stream(b.url, token),
      await stream(a.url, token),
      await stream(b.url, token),
    ]
    const sends = Array.from({ length: 200 }, (_, n) =>
      postWebhook(n % 2 === 0 ? a.url : b.url, alertBody(n, 'fanout')),
    )
    const results = await Promise.all(sends)
    expect(results.every((r) => r.status === 200)).toBe(true)
    const ids = results.map((r) => r.json.id ?? 0).sort((x, y) => x - y)
    const first = ids[0] ?? 0
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => first + i))
    for (const client of clients) {
      await pollUntil(() => eventIds(client).length >= 200, 'all 200 events on every client')
      expect(eventIds(client)).toEqual(ids)
      client.close()
    }
  })

  it('marks a repeat delivered to the other instance', async () => {
    const first = await postWebhook(a.url, alertBody(1, 'repeat'))
    const again = await postWebhook(b.url, alertBody(1, 'repeat'))
    expect(first.json.repeat).toBe(false)
    expect(again.json).toMatchObject({ id: (first.json.id ?? 0) + 1, repeat: true })
  })

  it('resumes a client on the other instance with Last-Event-ID, without gaps or repeats', async () => {
    const token = await createToken('resumer')
    const onA = await stream(a.url, token)
    const sent: number[] = []
    for (let n = 0; n < 5; n++)
      sent.push((await postWebhook(a.url, alertBody(n, 'res'))).json.id ?? 0)
    await pollUntil(() => eventIds(onA).length === 5, 'five events on A')
    onA.close()
    for (let n = 5; n < 10; n++)
      sent.push((await postWebhook(a.url, alertBody(n, 'res'))).json.id ?? 0)
    const onB = await stream(b.url, token, eventIds(onA).at(-1))
    await pollUntil(() => eventIds(onB).length === 5, 'the five missed events on B')
    expect([...eventIds(onA), ...eventIds(onB)]).toEqual(sent)
    onB.close()
  })
})
