import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { SseConnection } from '../../bench/relay-sse-client.js'
import { openTokenStore } from '../../src/relay/index.js'
import {
  eventData,
  fixtures,
  metricsText,
  metricValue,
  startTestRelay,
  waitForMessages,
  type TestRelay,
} from './support/relay-harness.js'

let t: TestRelay | undefined
const open: SseConnection[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const conn of open.splice(0)) conn.close()
  for (const socket of sockets.splice(0)) socket.destroy()
  await t?.close()
  t = undefined
})

function newToken(relay: TestRelay, name: string): string {
  const tokens = openTokenStore(relay.dataDir)
  try {
    return tokens.create(name)
  } finally {
    tokens.close()
  }
}

async function stream(relay: TestRelay, token: string): Promise<SseConnection> {
  const conn = await relay.sse(undefined, token)
  open.push(conn)
  return conn
}

describe('SSE stream caps', () => {
  it('refuses streams past the per-token (429) and total (503) caps, and webhooks still get in', async () => {
    t = await startTestRelay({ maxStreams: 4, maxStreamsPerToken: 2 })
    const second = newToken(t, 'second-device')
    const third = newToken(t, 'third-device')
    const first = [await stream(t, t.token), await stream(t, t.token)]
    expect(first.map((c) => c.status)).toEqual([200, 200])

    const overToken = await stream(t, t.token)
    expect(overToken.status).toBe(429)
    await overToken.ended
    expect(overToken.errorBody).toMatch(/at most 2 streams per device token/)

    const others = [await stream(t, second), await stream(t, second)]
    expect(others.map((c) => c.status)).toEqual([200, 200])
    const overTotal = await stream(t, third)
    expect(overTotal.status).toBe(503)
    await overTotal.ended
    expect(overTotal.errorBody).toMatch(/already serves 4 streams/)

    // Every stream slot is taken by a real, open stream: Opsgenie's webhook is still accepted,
    // stored, and delivered to every open stream.
    const res = await t.post(fixtures().find((f) => f.name === 'create.json')?.body ?? '')
    expect(res.status).toBe(200)
    for (const conn of [...first, ...others]) {
      const [message] = await waitForMessages(conn, 1)
      expect(eventData(message ?? { event: '', id: '', data: '{}' }).id).toBe(res.json['id'])
    }
    const metrics = await metricsText(t.relay)
    expect(metricValue(metrics, 'ondeck_relay_sse_clients')).toBe(4)
    expect(metricValue(metrics, 'ondeck_relay_streams_refused_total{reason="per_token"}')).toBe(1)
    expect(metricValue(metrics, 'ondeck_relay_streams_refused_total{reason="total"}')).toBe(1)

    // A slot freed by a closed stream can be taken again.
    first[0]?.close()
    await first[0]?.ended
    await expect
      .poll(async () => (t === undefined ? 0 : (await stream(t, third)).status), { timeout: 5000 })
      .toBe(200)
  })

  it('bounds connections at the stream cap plus headroom for webhook intake', async () => {
    t = await startTestRelay({ maxStreams: 2, maxStreamsPerToken: 2 })
    // 2 streams + 64 headroom: the 67th connection is dropped without an answer.
    for (let i = 0; i < 66; i++) sockets.push(await connected(t.relay.port))
    const extra = await connected(t.relay.port)
    sockets.push(extra)
    let dropped = false
    extra.once('close', () => (dropped = true))
    await expect.poll(() => dropped, { timeout: 5000 }).toBe(true)
    sockets.splice(0).forEach((s) => s.destroy())
    await expect
      .poll(async () => (await fetch(`${t?.relay.url ?? ''}/healthz`)).status, { timeout: 5000 })
      .toBe(200)
  })
})

function connected(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
  })
}
