import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract'
import type { IpcRouter } from '../gateway/ipc/router'
import { createCredentials, type Credentials } from './credentials'
import { guardRequests, guardUpgrades, refuseUpgrade } from './guard'
import {
  canonicalHost,
  contentSecurityPolicy,
  hostAllowed,
  isLocalhostAlias,
  originAllowed,
  parseTarget,
} from './security'
import { answerSession } from './session-route'
import { readStatic } from './static-files'

const MAX_MESSAGE_BYTES = 1024 * 1024
/** The subprotocol the page asks for; the server answers with it and never echoes the secret. */
export const IPC_PROTOCOL = 'ondeck.v1'
/** The page offers `ondeck.session.<secret>` beside `ondeck.v1`: the upgrade's credential. */
export const SESSION_PROTOCOL_PREFIX = 'ondeck.session.'

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
  /** Where unexpected failures are reported; they never end the process. */
  log?(line: string): void
}

export interface RunningWebServer {
  /**
   * Mints a launch URL, `<origin>/launch#launch=<token>`, good for one exchange: the page takes
   * the token out of the address bar and trades it for its own session secret.
   */
  newLaunchUrl(): string
  origin: string
  port: number
  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void
  close(): Promise<void>
}

/**
 * Browser mode: serves the renderer bundle on loopback and carries the IPC contract over a
 * WebSocket. The bundle is public (it holds no secret); the WebSocket, the only way to main, needs
 * a session, bought once with a single-use launch token (`POST /session`). Host and Origin are
 * checked, pages get the desktop window's CSP, and no request can end the process.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const log = options.log ?? ((line: string) => console.error(line))
  const credentials = createCredentials()
  const server = createServer()
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: () => IPC_PROTOCOL,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://${canonicalHost(port)}`
  const router = options.router(origin)
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
  const text = (
    res: ServerResponse,
    status: number,
    body: string,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain', ...extra }).end(body)
  }

  server.on(
    'request',
    guardRequests(async (req, res) => {
      const target = parseTarget(req.url)
      if (target === undefined) return text(res, 400, 'bad request target')
      if (isLocalhostAlias(req.headers.host, port)) {
        // No fragment in Location: the browser keeps the one it had (the launch token).
        const location = `${origin}${target.pathname}${target.search}`
        return text(res, 307, 'Ondeck is served at 127.0.0.1', { Location: location })
      }
      if (!hostAllowed(req.headers.host, port)) return text(res, 403, 'forbidden host')
      if (target.pathname === '/session') {
        if (req.method !== 'POST') return text(res, 405, 'POST only', { Allow: 'POST' })
        if (!originAllowed(req.headers.origin, port)) return text(res, 403, 'forbidden origin')
        return answerSession(req, res, credentials, headers)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return text(res, 405, 'GET only', { Allow: 'GET, HEAD' })
      const file = await readStatic(
        options.rendererRoot,
        target.pathname === '/launch' ? '/' : target.pathname,
      )
      if (file === undefined) return text(res, 404, 'not found')
      res.writeHead(200, { ...headers, 'Content-Type': file.type }).end(file.body)
    }, log),
  )

  server.on(
    'upgrade',
    guardUpgrades((req, socket, head) => {
      const refusal = upgradeRefusal(req, port, credentials)
      if (refusal !== undefined) return refuseUpgrade(socket, refusal)
      sockets.handleUpgrade(req, socket, head, (ws) => serveIpc(ws))
    }, log),
  )

  function serveIpc(ws: WebSocket): void {
    ws.on('error', () => ws.terminate())
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only')
      let message: z.infer<typeof IpcMessage>
      try {
        message = IpcMessage.parse(JSON.parse(String(data)))
      } catch {
        return ws.close(1007, 'not an IPC message')
      }
      const answer = (frame: object): void => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
      }
      Promise.resolve()
        .then(() => router.dispatch(message.channel, message.input, { url: origin }))
        .then((envelope) => answer({ id: message.id, envelope }))
        .catch((error: unknown) => {
          log(`browser mode: IPC ${message.channel} failed: ${String(error)}`)
          ws.close(1011, 'internal error')
        })
    })
  }

  return {
    newLaunchUrl: () => `${origin}/launch#launch=${credentials.issueLaunch()}`,
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

/** Why an upgrade is refused (an HTTP status line), or `undefined` to accept it. */
function upgradeRefusal(
  req: IncomingMessage,
  port: number,
  credentials: Credentials,
): string | undefined {
  const target = parseTarget(req.url)
  if (target === undefined) return '400 Bad Request'
  if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port))
    return '403 Forbidden'
  if (target.pathname !== '/ipc') return '404 Not Found'
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
  const session = offered.find((p) => p.startsWith(SESSION_PROTOCOL_PREFIX))
  if (!offered.includes(IPC_PROTOCOL) || session === undefined) return '401 Unauthorized'
  if (!credentials.sessionValid(session.slice(SESSION_PROTOCOL_PREFIX.length)))
    return '401 Unauthorized'
  return undefined
}
