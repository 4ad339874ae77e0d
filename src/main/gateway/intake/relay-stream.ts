import type { Clock } from '../governor'
import { createSseParser, SseFrameTooLargeError } from './sse-parser'

/** Why one connection to the relay ended. */
export type StreamEnd =
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string }
  | { readonly kind: 'http'; readonly status: number; readonly detail: string }
  | { readonly kind: 'network'; readonly detail: string }
  | { readonly kind: 'heartbeat'; readonly detail: string }
  | { readonly kind: 'ended'; readonly detail: string }
  /** Aborted on purpose (`reconnectNow`, `stop`): reconnect at once. */
  | { readonly kind: 'interrupted'; readonly detail: string }

export interface StreamRequest {
  readonly url: string
  readonly token: string
  readonly lastEventId: string | undefined
  readonly heartbeatTimeoutMs: number
  readonly fetch: typeof fetch
  readonly clock: Clock
  onAbortable(abort: () => void): void
  onOpen(): void
  onMessage(event: string, id: string, data: string): void
  onRetry(ms: number): void
}

class Silence extends Error {}
class Interrupted extends Error {}

/**
 * One `GET /events` connection, from request to end. The watchdog is armed before the request,
 * so a server that accepts the connection and then says nothing (no headers, no bytes) is caught
 * the same way as a stream whose heartbeats stopped.
 */
export async function openRelayStream(request: StreamRequest): Promise<StreamEnd> {
  const controller = new AbortController()
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  /**
   * Aborting the fetch alone does not always end a pending `read()` of a long-lived body in
   * Node 20 (seen after some seconds of heartbeats), so the reader is cancelled as well.
   */
  const kill = (reason: Error): void => {
    controller.abort(reason)
    reader?.cancel(reason).catch(() => undefined)
  }
  request.onAbortable(() => kill(new Interrupted('interrupted')))
  let cancelWatchdog = (): void => undefined
  const arm = (): void => {
    cancelWatchdog()
    cancelWatchdog = request.clock.setTimeout(
      () => kill(new Silence('silence')),
      request.heartbeatTimeoutMs,
    )
  }
  const aborted = (): StreamEnd | undefined => {
    const reason: unknown = controller.signal.reason
    if (!controller.signal.aborted) return undefined
    if (reason instanceof Silence)
      return {
        kind: 'heartbeat',
        detail: `no data from the relay for ${request.heartbeatTimeoutMs} ms`,
      }
    return { kind: 'interrupted', detail: 'reconnecting' }
  }
  arm()
  try {
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      'Cache-Control': 'no-cache',
      Authorization: `Bearer ${request.token}`,
    }
    if (request.lastEventId !== undefined) headers['Last-Event-ID'] = request.lastEventId
    const res = await request.fetch(request.url, {
      headers,
      signal: controller.signal,
      redirect: 'error',
    })
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel()
      return {
        kind: 'refused',
        status: res.status,
        detail: `the relay refused this device token (HTTP ${res.status})`,
      }
    }
    const type = res.headers.get('content-type') ?? ''
    if (res.status !== 200 || !/^text\/event-stream\b/i.test(type) || res.body === null) {
      const body = (await res.text().catch(() => '')).slice(0, 200)
      const what =
        res.status === 200
          ? `a ${type || 'body without content type'}, not an event stream`
          : `HTTP ${res.status}`
      return {
        kind: 'http',
        status: res.status,
        detail: `the relay answered ${what}${body ? `: ${body}` : ''}`,
      }
    }
    request.onOpen()
    const parser = createSseParser(
      {
        onMessage: (m) => request.onMessage(m.event, m.lastEventId, m.data),
        onRetry: (ms) => request.onRetry(ms),
      },
      request.lastEventId ?? '',
    )
    reader = res.body.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done || controller.signal.aborted) break
      arm()
      try {
        parser.push(decoder.decode(value, { stream: true }))
      } catch (error) {
        // The event was not taken, so the cursor did not move: reconnecting redelivers it.
        if (error instanceof SseFrameTooLargeError)
          return { kind: 'ended', detail: `dropped the stream: ${error.message}` }
        return {
          kind: 'ended',
          detail: `dropped the stream: an event could not be handled (${error instanceof Error ? error.message : String(error)})`,
        }
      }
    }
    parser.end()
    return aborted() ?? { kind: 'ended', detail: 'the relay closed the stream' }
  } catch (error) {
    return aborted() ?? { kind: 'network', detail: describeFetchError(error) }
  } finally {
    cancelWatchdog()
    kill(new Interrupted('done'))
  }
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ...) is in `cause`. */
export function describeFetchError(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const message = error instanceof Error ? error.message : String(error)
  return `cannot reach the relay: ${code ?? (typeof cause?.message === 'string' ? cause.message : message)}`
}
