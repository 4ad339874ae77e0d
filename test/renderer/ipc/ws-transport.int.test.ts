import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { createWebSocketTransport } from '../../../src/renderer/src/ipc/ws-transport'

/** Node 20 has no global WebSocket; the renderer runs in Chromium, which has one. */
const { WebSocket: NodeWebSocket } = await import('ws')
;(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket

let server: Server | undefined
afterEach(() => server?.close())

async function listen(handle: (wss: WebSocketServer) => void): Promise<string> {
  server = createServer()
  const wss = new WebSocketServer({ server, path: '/ipc' })
  handle(wss)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ipc`
}

describe('browser-mode WebSocket transport', () => {
  it('answers a call with the envelope the server sent for its id', async () => {
    const url = await listen((wss) =>
      wss.on('connection', (ws) =>
        ws.on('message', (data) => {
          const { id } = JSON.parse(String(data)) as { id: number }
          ws.send(JSON.stringify({ id, envelope: { ok: true, value: { version: '1' } } }))
        }),
      ),
    )
    const transport = createWebSocketTransport(url, 60_000)
    expect(await transport.invoke('app:info', {})).toEqual({ ok: true, value: { version: '1' } })
  })

  it('answers not-sent, not never, when the socket cannot open', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const transport = createWebSocketTransport(`ws://127.0.0.1:${port}/ipc`, 60_000)
    const answer = await transport.invoke('app:info', {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-sent' } })
  })

  it('answers transport-lost when the socket closes after the server took the call', async () => {
    const received: string[] = []
    const url = await listen((wss) =>
      wss.on('connection', (ws) =>
        ws.on('message', (data) => {
          received.push(String(data))
          ws.terminate()
        }),
      ),
    )
    const transport = createWebSocketTransport(url, 60_000)
    const answer = await transport.invoke('alerts:addNote', { note: 'once' })
    expect(received).toHaveLength(1)
    expect(answer).toMatchObject({ ok: false, error: { code: 'transport-lost' } })
  })

  it('answers not-sent for a call made while the socket is down, and writes nothing', async () => {
    const received: string[] = []
    let connections = 0
    const url = await listen((wss) =>
      wss.on('connection', (ws) => {
        connections++
        ws.on('message', (data) => received.push(String(data)))
        // The server drops the first connection before any call is made.
        if (connections === 1) ws.close()
      }),
    )
    const transport = createWebSocketTransport(url, 60_000)
    await new Promise<void>((resolve) => {
      const wait = (): void =>
        void (connections === 1 ? setTimeout(resolve, 50) : setTimeout(wait, 5))
      wait()
    })
    const answer = await transport.invoke('alerts:addNote', { note: 'never' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-sent' } })
    expect(received).toEqual([])
  })

  it('treats a malformed answer as a lost connection rather than hanging the call', async () => {
    const url = await listen((wss) =>
      wss.on('connection', (ws) =>
        ws.on('message', (data) => {
          const { id } = JSON.parse(String(data)) as { id: number }
          ws.send(JSON.stringify({ id, envelope: { ok: 'maybe' } }))
        }),
      ),
    )
    const transport = createWebSocketTransport(url, 60_000)
    const answer = await transport.invoke('app:info', {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'transport-lost' } })
  })
})
