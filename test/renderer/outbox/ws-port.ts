import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, WebSocket as NodeWebSocket, type WebSocket } from 'ws'
import { buildOndeckApi, type IpcTransport } from '../../../src/shared/ipc/api'
import type { Envelope } from '../../../src/shared/ipc/envelope'
import { createWebSocketTransport } from '../../../src/renderer/src/ipc/ws-transport'
import type { OutboxPort } from '../../../src/renderer/src/outbox/port'
import type { Rig } from './support'

/** Node 20 has no global WebSocket; the renderer runs in Chromium, which has one. */
;(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket

const APP = { url: 'app://ondeck' }

/**
 * How the server loses a call it received: before main sees it, while main is acting on it, or
 * after main acted but before the answer went out. The renderer cannot tell these apart.
 */
export type Loss = 'before-dispatch' | 'during-dispatch' | 'after-dispatch'

export interface WsPortOptions {
  /** Chooses, per received call, whether and how the connection is lost. */
  lose?(channel: string): Loss | undefined
  /** How long the renderer's transport waits before reconnecting. */
  reconnectMs?: number
}

export interface WsPort {
  port: OutboxPort
  /** Every channel the renderer called, in order (whether or not it reached the server). */
  calls: string[]
  /** Error codes the transport answered with, in order. */
  codes: string[]
  /** Channels the server received, in order. */
  received: string[]
  /** Drops every open connection now, between calls. */
  dropConnections(): void
  close(): Promise<void>
}

/**
 * The outbox's port over the real browser-mode path: the renderer's WebSocket transport, a real
 * `ws` server on 127.0.0.1 speaking the same frames as `src/main/web/server.ts`, and the rig's
 * gateway router behind it; `lose` makes the server drop connections around calls.
 */
export async function startWsPort(rig: Rig, options: WsPortOptions = {}): Promise<WsPort> {
  const server = createServer()
  const wss = new WebSocketServer({ server, path: '/ipc' })
  const received: string[] = []
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      const { id, channel, input } = JSON.parse(String(data)) as {
        id: number
        channel: string
        input: unknown
      }
      received.push(channel)
      const loss = options.lose?.(channel)
      if (loss === 'before-dispatch') return ws.terminate()
      const answer = rig.gateway.router.dispatch(channel, input, APP)
      if (loss === 'during-dispatch') return ws.terminate()
      void answer.then((envelope) => {
        if (loss === 'after-dispatch') ws.terminate()
        else if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, envelope }))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ipc`
  const transport = createWebSocketTransport(url, options.reconnectMs ?? 20)
  const calls: string[] = []
  const codes: string[] = []
  const recording: IpcTransport = {
    async invoke(channel, input): Promise<Envelope<unknown>> {
      calls.push(channel)
      const answer = await transport.invoke(channel, input)
      if (!answer.ok) codes.push(answer.error.code)
      return answer
    },
    subscribe: (channel, listener) => transport.subscribe(channel, listener),
  }
  return {
    port: buildOndeckApi(recording),
    calls,
    codes,
    received,
    dropConnections: () => {
      for (const client of wss.clients) client.terminate()
    },
    close: async () => {
      transport.close()
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
