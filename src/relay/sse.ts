import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RelayMetrics } from './metrics.js'
import type { EventStore, StoredEvent } from './store/event-store.js'
import { StreamSlots } from './stream-slots.js'
import type { TokenStore } from './token-store.js'
import { sendJson } from './webhook-intake.js'

const PAGE = 500
/** Per client: rides out a stall of about a second at 1,000 events/s; bounds memory for 50 clients. */
const MAX_BUFFERED_BYTES = 1024 * 1024

interface Client {
  readonly res: ServerResponse
  /** Checked again whenever the token store changes: a revoked token's stream is cut. */
  readonly token: string
  /** Id of the last event written to this client. */
  cursor: number
  /** Live clients get events straight from `publish`; others are catching up from the store. */
  live: boolean
  catchingUp: boolean
  /** The socket buffer is full: wait for 'drain', then catch up from the store. */
  blocked: boolean
  closed: boolean
}

export interface SseDeps {
  readonly store: EventStore
  readonly tokens: TokenStore
  readonly metrics: RelayMetrics
  readonly heartbeatMs: number
  readonly maxStreams: number
  readonly maxStreamsPerToken: number
  /**
   * How often to ask the token store whether anything changed. `relay token revoke` runs in
   * another process, so the serving one must look; the question is a cheap counter read.
   */
  readonly revocationCheckMs: number
}

export function sseFrame(event: StoredEvent): string {
  const { id, action, alertId, dedupKey, repeat, payload } = event
  const data = {
    id,
    receivedAt: new Date(event.receivedAt).toISOString(),
    action,
    alertId,
    dedupKey,
    repeat,
    payload,
  }
  return `id: ${id}\nevent: opsgenie\ndata: ${JSON.stringify(data)}\n\n`
}

/**
 * `GET /events`. A client is either live (fed from each committed batch, frames built once for
 * all clients) or catching up page by page from the store; a client whose unsent buffer passes
 * MAX_BUFFERED_BYTES drops back to catching up instead of growing memory without bound.
 */
export class SseHub {
  private readonly clients = new Set<Client>()
  private latestCommitted = 0
  private readonly slots: StreamSlots
  private readonly timers: NodeJS.Timeout[]
  /** Unknown until the first check, which then only records it. */
  private tokenRevision: number | undefined
  private checkingRevocations = false
  private revocationCheckFailing = false

  constructor(private readonly deps: SseDeps) {
    this.slots = new StreamSlots(deps.maxStreams, deps.maxStreamsPerToken)
    this.timers = [
      setInterval(() => this.beat(), deps.heartbeatMs),
      setInterval(() => this.checkRevocations(), deps.revocationCheckMs),
    ]
    for (const timer of this.timers) timer.unref()
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const device = token === undefined ? undefined : await this.deps.tokens.verify(token)
    if (token === undefined || device === undefined) return this.refuseToken(res)
    const requested =
      req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? undefined
    if (requested !== undefined && !/^\d{1,15}$/.test(String(requested).trim())) {
      return sendJson(res, 400, { error: 'Last-Event-ID must be a non-negative integer event id' })
    }
    const slot = this.slots.take(device)
    if (typeof slot !== 'function') {
      this.deps.metrics.refuseStream(slot.reason)
      // Closed, not kept alive: a refused client must not hold a socket meant for webhooks.
      res.setHeader('Connection', 'close')
      res.setHeader('Retry-After', '30')
      return sendJson(res, slot.status, { error: slot.message })
    }
    res.on('close', slot)
    const window = await this.deps.store.window()
    if (req.socket.destroyed) return slot() // gone while we looked
    // Revoked while we looked: the revocation check may have run before this client was listed.
    if ((await this.deps.tokens.verify(token)) === undefined) return this.refuseToken(res)
    this.latestCommitted = Math.max(this.latestCommitted, window.latestId)
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    const last = requested === undefined ? window.latestId : Number(requested)
    const client: Client = {
      res,
      token,
      cursor: last,
      live: false,
      catchingUp: false,
      blocked: false,
      closed: false,
    }
    // A cursor beyond anything assigned comes from another store (say, a wiped data folder).
    if (last > window.latestId) this.reset(client, 'unknown_cursor', window.latestId)
    this.clients.add(client)
    this.deps.metrics.connectedClients++
    res.on('close', () => this.drop(client))
    await this.catchUp(client)
  }

  publish(events: readonly StoredEvent[]): void {
    const first = events[0]
    const last = events[events.length - 1]
    if (first === undefined || last === undefined) return
    this.latestCommitted = Math.max(this.latestCommitted, last.id)
    const frames = events.map(sseFrame)
    let whole: Buffer | undefined // encoded once, shared by every client that is up to date
    for (const client of this.clients) {
      if (!client.live || client.blocked) continue
      if (client.cursor < first.id - 1) {
        client.live = false
        this.resume(client)
        continue
      }
      if (client.cursor === first.id - 1) {
        whole ??= Buffer.from(frames.join(''))
        this.write(client, whole, last.id, events.length)
        continue
      }
      const from = events.findIndex((e) => e.id > client.cursor)
      if (from >= 0) this.write(client, frames.slice(from).join(''), last.id, events.length - from)
    }
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer)
    for (const client of this.clients) client.res.end()
  }

  /**
   * Ends every stream and forgets the ids seen so far: the store lost its data (a Redis that
   * restarted empty), so ids start again. Clients reconnect with their old cursor, which is now
   * beyond the store's latest, and get `reset` instead of silently missing the reused ids.
   */
  restartAll(latestId: number): void {
    this.latestCommitted = latestId
    for (const client of [...this.clients]) {
      this.drop(client)
      client.res.end()
    }
  }

  private refuseToken(res: ServerResponse): void {
    res.setHeader('WWW-Authenticate', 'Bearer realm="ondeck-relay"')
    sendJson(res, 401, { error: 'missing, unknown or revoked device token' })
  }

  private drop(client: Client): void {
    client.closed = true
    if (this.clients.delete(client)) this.deps.metrics.connectedClients--
  }

  /**
   * Cuts the stream of every token revoked since the last look, in this process or another. The
   * token store may be remote (Redis): one check at a time, and a failing store is logged once.
   */
  private checkRevocations(): void {
    if (this.checkingRevocations) return
    this.checkingRevocations = true
    this.cutRevoked()
      .then(() => (this.revocationCheckFailing = false))
      .catch((error: unknown) => {
        if (!this.revocationCheckFailing)
          console.error(`relay: revocation check failed: ${String(error)}`)
        this.revocationCheckFailing = true
      })
      .finally(() => (this.checkingRevocations = false))
  }

  private async cutRevoked(): Promise<void> {
    const revision = await this.deps.tokens.revision()
    if (revision === this.tokenRevision) return
    for (const client of [...this.clients]) {
      if ((await this.deps.tokens.verify(client.token)) !== undefined) continue
      this.drop(client)
      // A reader that stopped reading would keep an ended stream open: cut it outright.
      if (client.blocked) client.res.destroy()
      else client.res.end()
    }
    // Only once every stream was checked: a store failing midway gets the next look again.
    this.tokenRevision = revision
  }

  /** Catch-up outside a request: if the store fails, drop the stream; the client reconnects. */
  private resume(client: Client): void {
    this.catchUp(client).catch((error: unknown) => {
      console.error('relay: SSE catch-up failed', error)
      client.res.destroy()
    })
  }

  private async catchUp(client: Client): Promise<void> {
    if (client.catchingUp) return
    client.catchingUp = true
    try {
      const window = await this.deps.store.window()
      if (client.cursor < window.prunedThroughId)
        this.reset(client, 'retention_exceeded', window.latestId)
      for (;;) {
        const page = await this.deps.store.readAfter(client.cursor, PAGE)
        const last = page[page.length - 1]
        if (client.closed || client.blocked) return
        if (last !== undefined)
          this.write(client, page.map(sseFrame).join(''), last.id, page.length)
        if (client.blocked) return
        if (page.length === 0 || (page.length < PAGE && client.cursor >= this.latestCommitted))
          break
      }
      client.live = true
    } finally {
      client.catchingUp = false
    }
  }

  /** Tells the client it missed events, so it resynchronises from the API, then continues live. */
  private reset(
    client: Client,
    reason: 'retention_exceeded' | 'unknown_cursor',
    latestId: number,
  ): void {
    client.cursor = latestId
    client.res.write(
      `id: ${latestId}\nevent: reset\ndata: ${JSON.stringify({ reason, lastEventId: latestId })}\n\n`,
    )
  }

  private write(client: Client, text: string | Buffer, lastId: number, count: number): void {
    client.cursor = lastId
    this.deps.metrics.delivered += count
    client.res.write(text)
    // Past the budget, stop feeding it live and let it catch up from the store once drained.
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      client.blocked = true
      client.live = false
      client.res.once('drain', () => {
        client.blocked = false
        this.resume(client)
      })
    }
  }

  private beat(): void {
    this.checkRevocations()
    for (const client of this.clients) {
      if (!client.blocked) client.res.write(': heartbeat\n\n')
    }
  }
}
