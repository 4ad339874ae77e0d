import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SseConnection } from '../../../bench/relay-sse-client.js'
import { openRedisTokens } from '../../../src/relay/store/redis-backend.js'
import { pollUntil } from '../support/relay-harness.js'
import { runRelayCli, startRelayProcess, type RelayProcess } from '../support/relay-process.js'
import { startTestRedis, type TestRedis } from './redis-server.js'
import { alertBody, eventIds, postWebhook, SECRET, stream } from './support.js'

const TOTAL = 300
const CONCURRENCY = 16
const KILL_AFTER_ACKS_ON_A = 60

let redis: TestRedis
const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-redis-crash-'))
const secretFile = join(dir, 'secret')
writeFileSync(secretFile, SECRET)
const processes: RelayProcess[] = []

beforeAll(async () => {
  redis = await startTestRedis()
})
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL')
  await Promise.all(processes.map((p) => p.exited))
  await redis.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function serve(...extra: string[]): Promise<RelayProcess> {
  const args = ['--port', '0', '--store', redis.url, '--webhook-secret-file', secretFile]
  const p = await startRelayProcess([...args, ...extra])
  processes.push(p)
  return p
}

describe('relay instances as processes on one Redis', () => {
  it('loses no acknowledged webhook when one instance is SIGKILLed mid-burst; its clients resume on the other', async () => {
    const [a, b] = [await serve(), await serve()]
    const tokens = await openRedisTokens({ url: redis.url })
    const token = await tokens.create('crash')
    await tokens.close()
    const onA = await stream(a.url, token)
    const onB = await stream(b.url, token)

    const acked = new Set<number>()
    let acksOnA = 0
    let killed = false
    const queue = Array.from({ length: TOTAL }, (_, n) => n)
    const worker = async (): Promise<void> => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        // Opsgenie retries an unanswered delivery; here the retry goes to the survivor.
        for (const target of killed || n % 2 ? [b] : [a, b]) {
          const result = await postWebhook(target.url, alertBody(n, 'crash')).catch(() => undefined)
          if (result?.status !== 200) continue
          acked.add(result.json.id ?? 0)
          if (target === a && ++acksOnA === KILL_AFTER_ACKS_ON_A) {
            killed = true
            a.child.kill('SIGKILL')
          }
          break
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    await a.exited
    expect(killed).toBe(true)
    expect(acked.size).toBeGreaterThanOrEqual(TOTAL)

    // The client of the dead instance resumes on the survivor from its last id.
    await onA.ended
    const resumed: SseConnection = await stream(b.url, token, eventIds(onA).at(-1) ?? 0)
    const last = Math.max(...acked)
    await pollUntil(
      () => eventIds(resumed).includes(last),
      'the resumed client to catch up',
      15_000,
    )
    await pollUntil(
      () => eventIds(onB).includes(last),
      'the survivor client to see everything',
      15_000,
    )
    for (const ids of [[...eventIds(onA), ...eventIds(resumed)], eventIds(onB)]) {
      const first = ids[0] ?? 0
      // No gap, no repeat, in order; and every acknowledged id among them.
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => first + i))
      expect(ids).toEqual(expect.arrayContaining([...acked]))
    }
    resumed.close()
    onB.close()
  })

  it('exits 2 against a Redis without appendfsync always, and starts with --accept-volatile-store', async () => {
    const lax = await startTestRedis({ appendfsync: 'everysec' })
    try {
      const args = ['serve', '--port', '0', '--store', lax.url, '--webhook-secret-file', secretFile]
      const refused = await runRelayCli(args)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/appendfsync is "everysec".*--accept-volatile-store/)
      const accepted = await startRelayProcess([...args.slice(1), '--accept-volatile-store'])
      processes.push(accepted)
      expect((await postWebhook(accepted.url, alertBody(1, 'lax'))).status).toBe(200)
      accepted.child.kill('SIGTERM')
      await accepted.exited
    } finally {
      await lax.stop()
    }
  })
})
