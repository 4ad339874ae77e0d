import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectSse, type SseConnection } from '../../bench/relay-sse-client.js'
import { openTokenStore } from '../../src/relay/index.js'
import { pollUntil } from './support/relay-harness.js'
import { startRelayProcess, type RelayProcess } from './support/relay-process.js'

const TOTAL = 300
const CONCURRENCY = 16
const KILL_AFTER_ACKS = 80
const SECRET = 'crash-test-secret-0123456789'

const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-crash-'))
const data = join(dir, 'data')
const secretFile = join(dir, 'secret')
writeFileSync(secretFile, SECRET)
let running: RelayProcess | undefined
afterAll(() => {
  if (running?.child.exitCode === null && running.child.signalCode === null)
    running.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const bodies = Array.from(
  { length: TOTAL },
  (_, i) =>
    `{"action":"Create","alert":{"alertId":"crash-${i}","updatedAt":17000000000${String(i).padStart(8, '0')}}}`,
)

/** id -> body index, for every webhook the relay answered 2xx. */
const acked = new Map<number, number>()

/**
 * Sends `pending` webhooks with CONCURRENCY in flight. With `killAfter`, SIGKILLs the relay once
 * that many were acknowledged in this phase (requests are still in flight then) and stops taking
 * new ones; returns the ones never sent.
 */
async function burst(
  relay: RelayProcess,
  pending: number[],
  killAfter?: number,
): Promise<number[]> {
  const queue = [...pending]
  let acks = 0
  let killed = false
  const worker = async (): Promise<void> => {
    for (let i = queue.shift(); i !== undefined && !killed; i = queue.shift()) {
      try {
        const res = await fetch(`${relay.url}/webhooks/opsgenie`, {
          method: 'POST',
          headers: { 'X-Ondeck-Webhook-Secret': SECRET, 'Content-Type': 'application/json' },
          body: bodies[i],
        })
        if (res.status !== 200) throw new Error(`status ${res.status}`)
        const { id } = (await res.json()) as { id: number }
        acked.set(id, i)
        if (killAfter !== undefined && ++acks === killAfter) {
          killed = true
          relay.child.kill('SIGKILL')
        }
      } catch {
        // No 2xx: Opsgenie would have to retry; the relay promises nothing for it.
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  if (killed) await relay.exited
  return queue
}

describe('relay crash safety', () => {
  it('delivers every acknowledged webhook after SIGKILL and restart, none lost', async () => {
    const tokens = openTokenStore(data)
    const token = tokens.create('crash-client')
    tokens.close()
    const received = new Map<number, string>()
    let lastId = 0
    const follow = async (url: string): Promise<SseConnection> => {
      const conn = await connectSse(`${url}/events`, {
        Authorization: `Bearer ${token}`,
        'Last-Event-ID': String(lastId),
      })
      expect(conn.status).toBe(200)
      conn.onMessage = (m): void => {
        const id = Number(m.id)
        expect(m.event).toBe('opsgenie')
        expect(id).toBeGreaterThan(lastId) // monotonic, no duplicates across resumes
        lastId = id
        received.set(id, (JSON.parse(m.data) as { payload: string }).payload)
      }
      return conn
    }
    const serveArgs = ['--port', '0', '--data', data, '--webhook-secret-file', secretFile]

    let pending = bodies.map((_, i) => i)
    let kills = 0
    for (const killAfter of [KILL_AFTER_ACKS, KILL_AFTER_ACKS, undefined]) {
      const relay = await startRelayProcess(serveArgs)
      running = relay
      const conn = await follow(relay.url)
      const before = acked.size
      pending = await burst(relay, pending, killAfter)
      if (killAfter !== undefined) {
        kills++
        expect(relay.child.signalCode).toBe('SIGKILL')
        expect(acked.size - before).toBeGreaterThanOrEqual(killAfter)
      } else {
        await pollUntil(
          () => [...acked.keys()].every((id) => received.has(id)),
          'every acknowledged event',
          15_000,
        )
        relay.child.kill('SIGTERM')
      }
      conn.close()
      await relay.exited
    }

    expect(kills).toBe(2)
    expect(pending).toEqual([])
    expect(acked.size).toBeGreaterThanOrEqual(2 * KILL_AFTER_ACKS)
    const lost = [...acked].filter(([id, i]) => received.get(id) !== bodies[i])
    expect(lost).toEqual([])
    // Anything delivered beyond the acknowledged set was committed but its answer was cut off.
    for (const payload of received.values()) expect(bodies).toContain(payload)
  })
})
