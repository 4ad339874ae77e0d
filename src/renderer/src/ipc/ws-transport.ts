import { z } from 'zod'
import type { IpcTransport } from '../../../shared/ipc/api'
import { Envelope, notSent, transportLost } from '../../../shared/ipc/envelope'

interface Pending {
  resolve(envelope: Envelope<unknown>): void
}

/** What the browser-mode server sends: the answer to one call, or an event. */
const ServerFrame = z.union([
  z.object({ id: z.number().int().nonnegative(), envelope: Envelope }),
  z.object({ event: z.string(), payload: z.unknown() }),
])

/** Browser mode's transport; `close` stops it for good (tests, teardown). */
export interface WebSocketTransport extends IpcTransport {
  close(): void
}

/**
 * Browser mode's stand-in for the preload: the same contract over a WebSocket to the local
 * server that served this page (which checks the session offered as a subprotocol, and Origin).
 * No call hangs and none is reported as unsent when it may have been sent: a call made while the
 * socket is not open writes nothing and answers `not-sent`; a call written to the socket whose answer never
 * came (the socket closed, or the server's reply was not a valid frame, which ends the
 * connection) answers `transport-lost`, because main may have acted on it. The socket
 * reconnects.
 */
export function createWebSocketTransport(
  url: string,
  reconnectMs = 1000,
  /** Subprotocols offered on every (re)connect: browser mode's session credential. */
  protocols?: () => string[],
): WebSocketTransport {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket
  let ready: Promise<void>
  let closed = false
  let reconnect: ReturnType<typeof setTimeout> | undefined

  const connect = (): void => {
    reconnect = undefined
    const current = protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols())
    socket = current
    let resolveReady: () => void = () => undefined
    // Settles on open or when the socket ends: a socket that never opens must not leave calls hanging.
    ready = new Promise((resolve) => (resolveReady = resolve))
    let ended = false
    const end = (): void => {
      if (ended) return
      ended = true
      resolveReady()
      // Every pending call was written to this socket: whether main acted on it is unknown.
      for (const [id, call] of pending) {
        pending.delete(id)
        call.resolve(transportLost('the connection to Ondeck closed before it answered'))
      }
      if (!closed) reconnect = setTimeout(connect, reconnectMs)
    }
    current.addEventListener('open', () => resolveReady(), { once: true })
    current.addEventListener('close', end)
    // Chromium follows a refused connection's error with a close; some implementations (Node 22's
    // built-in WebSocket) report the error alone and leave the socket CONNECTING. Either way a
    // socket that errs before it is open is done.
    current.addEventListener('error', () => {
      if (current.readyState !== WebSocket.OPEN) end()
    })
    current.addEventListener('message', (event) => onFrame(current, String(event.data)))
  }

  const onFrame = (from: WebSocket, text: string): void => {
    const frame = parseFrame(text)
    if (frame === undefined) {
      // A reply we cannot read may have been the answer to any pending call: give up on them
      // all as lost (the close above does that) rather than leave them hanging.
      from.close(4000, 'unreadable frame')
      return
    }
    if ('envelope' in frame) {
      pending.get(frame.id)?.resolve(frame.envelope as Envelope<unknown>)
      pending.delete(frame.id)
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload)
    }
  }

  connect()
  return {
    async invoke(channel, input) {
      await ready
      if (closed || socket.readyState !== WebSocket.OPEN) {
        return notSent('not connected to Ondeck')
      }
      const id = nextId++
      return new Promise<Envelope<unknown>>((resolve) => {
        try {
          socket.send(JSON.stringify({ id, channel, input }))
        } catch (error) {
          // An input JSON cannot carry, or a socket that is not open: nothing was written.
          resolve(notSent(`could not send to Ondeck: ${String(error)}`))
          return
        }
        pending.set(id, { resolve })
      })
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
    close() {
      closed = true
      if (reconnect !== undefined) clearTimeout(reconnect)
      socket.close()
    },
  }
}

function parseFrame(text: string): z.infer<typeof ServerFrame> | undefined {
  try {
    const parsed = ServerFrame.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
