import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract'
import type { IpcRouter } from '../gateway/ipc/router'
import { readStatic } from './static-files'
import {
  contentSecurityPolicy,
  cookieValue,
  hostAllowed,
  newLaunchToken,
  originAllowed,
  tokenMatches,
} from './security'

const COOKIE = 'ondeck_token'
const MAX_MESSAGE_BYTES = 1024 * 1024

const IpcMessage = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
})

export interface WebServerOptions {
  rendererRoot: string
  /** Builds the router once the server knows its own origin (the only trusted sender). */
  router: (origin: string) => IpcRouter
  port?: number
  token?: string
}

export interface RunningWebServer {
  /** Open this: it carries the one-time launch token, which becomes an HttpOnly cookie. */
  launchUrl: string
  origin: string
  port: number
  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void
  close(): Promise<void>
}

/**
 * Browser mode: serves the renderer bundle on loopback and carries the IPC contract over a
 * WebSocket. As locked down as the desktop window: loopback only, launch token required (URL once,
 * then an HttpOnly SameSite=Strict cookie), Host and Origin checked, the same CSP.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newLaunchToken()
  const server = createServer()
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  const router = options.router(origin)

  const authorised = (req: IncomingMessage): boolean =>
    hostAllowed(req.headers.host, port) &&
    tokenMatches(cookieValue(req.headers.cookie, COOKIE), token)

  server.on('request', (req, res) => void handleHttp(req, res))
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname !== '/ipc' || !authorised(req) || !originAllowed(req.headers.origin, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveIpc(ws, req.headers.origin ?? ''))
  })

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    }
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end('forbidden host')
      return
    }
    const url = new URL(req.url ?? '/', origin)
    const presented = url.searchParams.get('token')
    if (presented !== null) {
      if (!tokenMatches(presented, token)) {
        res.writeHead(401, { ...headers, 'Content-Type': 'text/plain' }).end('wrong launch token')
        return
      }
      const cookie = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
      res.writeHead(303, { ...headers, 'Set-Cookie': cookie, Location: '/' }).end()
      return
    }
    if (!authorised(req)) {
      res
        .writeHead(401, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          'Ondeck browser mode: open the URL printed in the terminal; it carries the launch token.',
        )
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    const file = await readStatic(options.rendererRoot, url.pathname)
    if (file === undefined) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.type }).end(file.body)
  }

  function serveIpc(ws: WebSocket, senderOrigin: string): void {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only')
      let message: z.infer<typeof IpcMessage>
      try {
        message = IpcMessage.parse(JSON.parse(String(data)))
      } catch {
        return ws.close(1007, 'not an IPC message')
      }
      void router
        .dispatch(message.channel, message.input, { url: senderOrigin })
        .then((envelope) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, envelope }))
        })
    })
  }

  return {
    launchUrl: `${origin}/?token=${token}`,
    origin,
    port,
    broadcast(name, payload) {
      const frame = JSON.stringify({ event: name, payload: events[name].payload.parse(payload) })
      for (const client of sockets.clients)
        if (client.readyState === client.OPEN) client.send(frame)
    },
    async close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
