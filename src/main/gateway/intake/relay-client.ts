import { insecureEndpointReason } from '../../../shared/secure-endpoint'
import { systemClock, type Clock } from '../governor'
import { createBackoff, type BackoffOptions } from '../../../shared/backoff'
import { describeFetchError, openRelayStream, type StreamEnd } from './relay-stream'

export type { StreamEnd } from './relay-stream'

/** An `event: opsgenie` message; `data` is the SSE `data:` text exactly as the relay sent it. */
export interface RelayEvent {
  readonly id: string
  readonly data: string
}

/** `event: reset`: the cursor was older than the relay's retention (or from another store). */
export interface RelayReset {
  readonly id: string
  readonly data: string
}

export type RelayClientState =
  | { readonly status: 'connecting' }
  | { readonly status: 'open'; readonly since: number }
  /** Waiting before the next attempt; `end.kind` says why the last one ended. */
  | { readonly status: 'waiting'; readonly end: StreamEnd; readonly retryAt: number }
  | { readonly status: 'stopped' }

export const TOKEN_REFUSED = 'the relay refused this device token'

export interface RelayClientOptions {
  /** The relay's base URL, e.g. `https://relay.example.com`; `/events` is appended. */
  readonly url: string
  readonly token: string
  /** Resume after this event id (the renderer's cursor). */
  readonly lastEventId?: string
  /** No byte for this long (the relay sends a comment at least every 15 s) = a dead stream. */
  readonly heartbeatTimeoutMs: number
  readonly backoff: BackoffOptions
  /** After a 401/403 retrying fast cannot help: wait this long (default 5 min). */
  readonly refusedRetryMs?: number
  readonly fetch?: typeof fetch
  readonly clock?: Clock
  readonly random?: () => number
  onEvent(event: RelayEvent): void
  onReset?(reset: RelayReset): void
  onState?(state: RelayClientState): void
}

export interface RelayClient {
  start(): void
  /** Closes the stream; no reconnection after this. */
  stop(): Promise<void>
  /** Drops the current stream (or the wait) and connects now, e.g. on resume from sleep. */
  reconnectNow(): void
  lastEventId(): string | undefined
  state(): RelayClientState
}

/** SSE client for the relay's `GET /events`: resume, backoff, dead-stream detection, reset. */
export function createRelayClient(options: RelayClientOptions): RelayClient {
  const eventsUrl = relayEventsUrl(options.url)
  if (options.token.trim() === '') throw new Error('a relay device token is required')
  if (!(options.heartbeatTimeoutMs > 0))
    throw new RangeError(
      `heartbeatTimeoutMs must be a positive number of ms, got ${options.heartbeatTimeoutMs}`,
    )
  const clock = options.clock ?? systemClock
  const backoff = createBackoff(options.backoff, options.random)
  const refusedRetryMs = options.refusedRetryMs ?? 5 * 60_000
  let lastId = options.lastEventId === '' ? undefined : options.lastEventId
  let current: RelayClientState = { status: 'connecting' }
  let stopped = false
  let running: Promise<void> | undefined
  let abortStream: (() => void) | undefined
  let wake: (() => void) | undefined
  let serverRetryMs = 0

  const setState = (state: RelayClientState): void => {
    current = state
    options.onState?.(state)
  }

  /** Relay ids are integers; a message at or below the cursor was already delivered. */
  const isRepeat = (id: string): boolean =>
    lastId !== undefined && /^\d+$/.test(id) && /^\d+$/.test(lastId) && BigInt(id) <= BigInt(lastId)

  const onMessage = (event: string, id: string, data: string): void => {
    if (event === 'opsgenie') {
      if (isRepeat(id)) return
      options.onEvent({ id, data })
      lastId = id
    } else if (event === 'reset') {
      // The relay moved our cursor to its latest id: follow it, even downwards (another store).
      lastId = id === '' ? lastId : id
      options.onReset?.({ id, data })
    }
  }

  const delayAfter = (end: StreamEnd): number => {
    if (end.kind === 'refused') return refusedRetryMs
    return Math.min(backoff.maxMs, Math.max(backoff.next(), serverRetryMs))
  }

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const cancel = clock.setTimeout(() => {
        wake = undefined
        resolve()
      }, ms)
      wake = () => {
        cancel()
        wake = undefined
        resolve()
      }
    })

  const loop = async (): Promise<void> => {
    while (!stopped) {
      setState({ status: 'connecting' })
      const end = await openRelayStream({
        url: eventsUrl,
        token: options.token,
        lastEventId: lastId,
        heartbeatTimeoutMs: options.heartbeatTimeoutMs,
        fetch: options.fetch ?? fetch,
        clock,
        onAbortable: (abort) => (abortStream = abort),
        onOpen: () => {
          backoff.reset()
          setState({ status: 'open', since: clock.now() })
        },
        onMessage,
        onRetry: (ms) => (serverRetryMs = ms),
      }).catch((error: unknown): StreamEnd => ({
        kind: 'network',
        detail: describeFetchError(error),
      }))
      abortStream = undefined
      if (stopped) break
      const delay = end.kind === 'interrupted' ? 0 : delayAfter(end)
      setState({ status: 'waiting', end, retryAt: clock.now() + delay })
      if (delay > 0) await sleep(delay)
    }
    setState({ status: 'stopped' })
  }

  return {
    start() {
      if (stopped) throw new Error('this relay client was stopped; create a new one')
      running ??= loop()
    },
    async stop() {
      stopped = true
      abortStream?.()
      wake?.()
      await running
      if (running === undefined) setState({ status: 'stopped' })
    },
    reconnectNow() {
      backoff.reset()
      abortStream?.()
      wake?.()
    },
    lastEventId: () => lastId,
    state: () => current,
  }
}

/**
 * The relay's base URL in one canonical form (origin and path, no trailing slash), checked like
 * every URL that receives a credential: no userinfo, and https unless it is this computer. The
 * keychain binds the device token to this form, so the same URL always compares equal.
 */
export function relayBaseUrl(base: string): string {
  const url = parseRelayUrl(base)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function relayEventsUrl(base: string): string {
  const url = parseRelayUrl(base)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/events`
  url.search = ''
  url.hash = ''
  return url.toString()
}

function parseRelayUrl(base: string): URL {
  let url: URL
  try {
    url = new URL(base)
  } catch {
    throw new Error(`relay URL "${base}" is not a valid URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`relay URL "${base}" must be http or https`)
  if (url.username !== '' || url.password !== '')
    throw new Error(
      'the relay URL must not carry credentials; the device token is sent as a header',
    )
  const insecure = insecureEndpointReason(url, 'relay URL')
  if (insecure !== undefined) throw new Error(`relay URL "${base}": ${insecure}`)
  return url
}
