import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createRelayClient,
  type RelayClient,
  type RelayClientState,
  type RelayEvent,
} from '../../../../src/main/gateway/intake'
import { healthOfRelay } from '../../../../src/main/gateway/intake/health'
import { MAX_SSE_FRAME_CHARS } from '../../../../src/main/gateway/intake/sse-parser'
import { until } from './support'

/**
 * A relay (or anything posing as one) that streams an endless event must not grow the gateway's
 * memory without bound: past the frame cap the client drops the connection, says why in its
 * health, and reconnects as after any other drop.
 */
interface FakeRelay {
  readonly url: string
  readonly requests: IncomingHttpHeaders[]
  /** Bytes of the oversized frame written before the client hung up. */
  readonly oversizedBytesWritten: () => number
  close(): Promise<void>
}

async function startFakeRelay(): Promise<FakeRelay> {
  const requests: IncomingHttpHeaders[] = []
  let written = 0
  const server: Server = createServer((req, res) => {
    requests.push(req.headers)
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    res.write(': connected\n\n')
    if (requests.length === 1) void streamForever(res)
    else res.write('id: 2\nevent: opsgenie\ndata: {"after":"reconnect"}\n\n')
  })
  /** One event whose data line never ends: 64 KiB at a time until the client goes away. */
  async function streamForever(res: ServerResponse): Promise<void> {
    res.write('id: 1\nevent: opsgenie\ndata: ')
    const chunk = 'x'.repeat(65_536)
    while (!res.destroyed && written < 4 * MAX_SSE_FRAME_CHARS) {
      written += chunk.length
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve))
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    oversizedBytesWritten: () => written,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let relay: FakeRelay | undefined
let client: RelayClient | undefined
afterEach(async () => {
  await client?.stop()
  await relay?.close()
  client = undefined
  relay = undefined
})

describe('relay client against an oversized frame', () => {
  it('drops the stream past the cap with a health reason, then reconnects and carries on', async () => {
    relay = await startFakeRelay()
    const events: RelayEvent[] = []
    const states: RelayClientState[] = []
    client = createRelayClient({
      url: relay.url,
      token: 'device-token',
      heartbeatTimeoutMs: 10_000,
      backoff: { initialMs: 20, maxMs: 200 },
      onEvent: (e) => events.push(e),
      onState: (s) => states.push(s),
    })
    client.start()

    const dropped = await until(
      () => states.find((s) => s.status === 'waiting'),
      'the client to drop the oversized stream',
      20_000,
    )
    expect(dropped).toMatchObject({ end: { kind: 'ended' } })
    expect(healthOfRelay(dropped)).toEqual({
      state: 'offline',
      detail: expect.stringMatching(
        /dropped the stream: an event from the relay is larger than \d+ characters/,
      ) as unknown,
    })
    await until(() => events.length > 0, 'the event after reconnecting')
    expect(events).toEqual([{ id: '2', data: '{"after":"reconnect"}' }])
    expect(relay.requests).toHaveLength(2)
    // It hung up soon after the cap, not after buffering everything the server would send.
    expect(relay.oversizedBytesWritten()).toBeLessThan(4 * MAX_SSE_FRAME_CHARS)
  })
})
