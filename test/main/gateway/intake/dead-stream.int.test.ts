import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createRelayClient,
  type RelayClient,
  type RelayClientState,
  type RelayEvent,
} from '../../../../src/main/gateway/intake'
import { until } from './support'

let server: Server | undefined
let client: RelayClient | undefined
afterEach(async () => {
  await client?.stop()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
  client = undefined
})

type Behaviour = 'silent-after-headers' | 'silent-before-headers' | 'serve'

/** A stand-in relay that plays one behaviour per connection, in order, to test dead streams. */
async function scriptedRelay(
  script: Behaviour[],
): Promise<{ url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = []
  server = createServer((req, res) => {
    requests.push(req.headers)
    const behaviour = script[requests.length - 1] ?? 'serve'
    if (behaviour === 'silent-before-headers') return // accepts the connection, never answers
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.write(': connected\n\n')
    if (behaviour === 'silent-after-headers') return // then nothing, ever: a half-dead stream
    res.write(`id: ${requests.length}\nevent: opsgenie\ndata: {"n":${requests.length}}\n\n`)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests }
}

function connect(
  url: string,
  heartbeatTimeoutMs: number,
): { events: RelayEvent[]; states: RelayClientState[] } {
  const events: RelayEvent[] = []
  const states: RelayClientState[] = []
  client = createRelayClient({
    url,
    token: 'odr_test',
    heartbeatTimeoutMs,
    backoff: { initialMs: 10, maxMs: 50 },
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
  })
  client.start()
  return { events, states }
}

const ends = (states: RelayClientState[]): string[] =>
  states.flatMap((s) => (s.status === 'waiting' ? [s.end.kind] : []))

describe('relay client dead-stream detection', () => {
  it('aborts a stream that goes silent after connecting, and one that never answers, then reconnects', async () => {
    const relay = await scriptedRelay(['silent-after-headers', 'silent-before-headers', 'serve'])
    const seen = connect(relay.url, 300)
    const [event] = await until(
      () => seen.events.length > 0 && seen.events,
      'an event on the third connection',
    )
    expect(event).toEqual({ id: '3', data: '{"n":3}' })
    expect(ends(seen.states)).toEqual(['heartbeat', 'heartbeat'])
    expect(relay.requests.map((h) => h.authorization)).toEqual([
      'Bearer odr_test',
      'Bearer odr_test',
      'Bearer odr_test',
    ])
    expect(client?.state().status).toBe('open')
  })

  it('keeps a stream alive while heartbeats arrive, and catches it when they stop after a long while', async () => {
    let connections = 0
    let beats = 0
    server = createServer((_req, res) => {
      connections += 1
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      if (connections > 1) return void res.write(': connected\n\n')
      const timer = setInterval(() => {
        beats += 1
        if (beats <= 60) res.write(': heartbeat\n\n') // then silence, with the socket still open
      }, 10)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const seen = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 150)
    await until(() => beats >= 60, '60 heartbeats (4x the timeout)')
    expect(ends(seen.states)).toEqual([])
    // A stream that has lived a while must still be abortable (Node 20's fetch needs help there).
    await until(
      () => connections === 2 && client?.state().status === 'open',
      'the reconnection after the beats stop',
    )
    expect(ends(seen.states)).toEqual(['heartbeat'])
  })

  it('stops promptly while a busy stream is flowing (aborting fetch alone can leave read() pending)', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      const timer = setInterval(() => res.write(': heartbeat\n\n'), 2)
      res.on('close', () => clearInterval(timer))
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    for (let round = 0; round < 3; round += 1) {
      connect(url, 5_000)
      const started = Date.now()
      await until(
        () => client?.state().status === 'open' && Date.now() - started > 1_500,
        'a busy stream for 1.5 s',
      )
      let stopped = false
      void client?.stop().then(() => (stopped = true))
      await until(() => stopped, `stop() to finish (round ${round + 1})`, 1_000)
      expect(client?.state().status).toBe('stopped')
    }
  })

  it('treats a non-event-stream answer as an HTTP failure and resumes with Last-Event-ID', async () => {
    const requests: IncomingHttpHeaders[] = []
    server = createServer((req, res) => {
      requests.push(req.headers)
      if (requests.length === 1) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' })
        return void res.end('id: 41\nevent: opsgenie\ndata: x\n\n')
      }
      if (requests.length === 2)
        return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>')
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write('id: 42\nevent: opsgenie\ndata: y\n\n')
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const seen = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 5_000)
    await until(() => seen.events.length === 2, 'both events')
    expect(seen.events.map((e) => e.id)).toEqual(['41', '42'])
    const failures = seen.states.flatMap((s) => (s.status === 'waiting' ? [s.end] : []))
    expect(failures.map((f) => f.kind)).toEqual(['ended', 'http'])
    expect(failures[1]?.detail).toBe('the relay answered HTTP 502: <h1>Bad gateway</h1>')
    expect(requests.map((h) => h['last-event-id'])).toEqual([undefined, '41', '41'])
  })
})
