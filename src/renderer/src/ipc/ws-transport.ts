import type { IpcTransport } from '../../../shared/ipc/api'
import type { Envelope } from '../../../shared/ipc/envelope'

interface Pending {
  resolve(envelope: Envelope<unknown>): void
}

/**
 * Browser mode's stand-in for the preload: the same contract over a WebSocket to the local
 * server that served this page (which checks its token cookie and Origin). Calls made while the
 * socket is down answer with a `failed` envelope instead of hanging; the socket reconnects.
 */
export function createWebSocketTransport(url: string, reconnectMs = 1000): IpcTransport {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket
  let ready: Promise<void>

  const connect = (): void => {
    socket = new WebSocket(url)
    // Settles on open or on close: a socket that never opens must not leave calls hanging.
    ready = new Promise((resolve) => {
      socket.addEventListener('open', () => resolve(), { once: true })
      socket.addEventListener('close', () => resolve(), { once: true })
    })
    // A refused connection is reported by the close that follows; nothing else to do here.
    socket.addEventListener('error', () => undefined)
    socket.addEventListener('message', (event) => onFrame(String(event.data)))
    socket.addEventListener('close', () => {
      for (const [id, call] of pending) {
        pending.delete(id)
        call.resolve({
          ok: false,
          error: { code: 'failed', message: 'the connection to Ondeck closed' },
        })
      }
      setTimeout(connect, reconnectMs)
    })
  }

  const onFrame = (text: string): void => {
    const frame = JSON.parse(text) as {
      id?: number
      envelope?: Envelope<unknown>
      event?: string
      payload?: unknown
    }
    if (frame.id !== undefined && frame.envelope !== undefined) {
      pending.get(frame.id)?.resolve(frame.envelope)
      pending.delete(frame.id)
    } else if (frame.event !== undefined) {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload)
    }
  }

  connect()
  return {
    async invoke(channel, input) {
      await ready
      if (socket.readyState !== WebSocket.OPEN) {
        return { ok: false, error: { code: 'failed', message: 'not connected to Ondeck' } }
      }
      const id = nextId++
      return new Promise<Envelope<unknown>>((resolve) => {
        pending.set(id, { resolve })
        socket.send(JSON.stringify({ id, channel, input }))
      })
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
}
