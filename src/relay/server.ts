import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { IntakeDeps } from './webhook-intake.js'
import { handleWebhook, sendJson } from './webhook-intake.js'
import type { RelayMetrics } from './metrics.js'
import type { SlackCommandHandler } from './slack/handler.js'
import type { SseHub } from './sse.js'
import { StoreUnavailableError, type EventStore } from './store/event-store.js'

export interface RouteDeps {
  readonly intake: IntakeDeps
  readonly hub: SseHub
  readonly store: EventStore
  readonly metrics: RelayMetrics
  readonly now: () => number
  /** `POST /slack/commands`; absent when the relay has no Slack signing secret. */
  readonly slack?: SlackCommandHandler
}

/** The relay's four routes; everything else is 404, a wrong method 405. */
export function createRelayServer(deps: RouteDeps, requestTimeoutMs = 30_000): Server {
  const server = createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      // The store is away (Redis restarting): 503, so load balancers and clients retry elsewhere.
      const unavailable = error instanceof StoreUnavailableError
      if (!unavailable) console.error('relay: request failed', error)
      if (res.headersSent) res.destroy()
      else if (unavailable) {
        res.setHeader('Retry-After', '1')
        sendJson(res, 503, { error: 'the event store is unavailable; try again shortly' })
      } else sendJson(res, 500, { error: 'internal error' })
    })
  })
  // A deployed relay faces the internet: a request (headers and body) must arrive in time.
  // These bound receiving the request only, so long-lived SSE responses are unaffected.
  server.requestTimeout = requestTimeoutMs
  server.headersTimeout = Math.min(15_000, requestTimeoutMs)
  return server
}

async function route(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<void> {
  const url = parseTarget(req.url)
  if (url === undefined) {
    res.setHeader('Connection', 'close')
    return sendJson(res, 400, { error: 'malformed request target' })
  }
  const allow = (method: string): boolean => {
    if (req.method === method) return true
    if (url.pathname === '/webhooks/opsgenie') deps.metrics.reject('method_not_allowed')
    res.setHeader('Allow', method)
    sendJson(res, 405, { error: `${url.pathname} accepts ${method} only` })
    return false
  }
  switch (url.pathname) {
    case '/webhooks/opsgenie':
      if (allow('POST')) await handleWebhook(req, res, deps.intake)
      return
    case '/events':
      if (allow('GET')) await deps.hub.handle(req, res, url)
      return
    case '/healthz':
      if (allow('GET')) {
        const window = await deps.store.window()
        sendJson(res, 200, { status: 'ok', latestEventId: window.latestId })
      }
      return
    case '/metrics':
      if (allow('GET')) {
        const [window, storeBytes] = await Promise.all([deps.store.window(), deps.store.size()])
        const text = deps.metrics.render(window.oldestReceivedAt, storeBytes, deps.now())
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
        res.end(text)
      }
      return
    case '/slack/commands':
      if (deps.slack === undefined)
        return sendJson(res, 404, {
          error: 'Slack commands are not configured on this relay (--slack-signing-secret-file)',
        })
      if (allow('POST')) await deps.slack.handle(req, res)
      return
    default:
      sendJson(res, 404, { error: `no route ${url.pathname}` })
  }
}

/** A target the URL parser refuses (`//x:99999`) is the client's mistake: 400, not a stack trace. */
function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://relay.invalid')
  } catch {
    return undefined
  }
}
