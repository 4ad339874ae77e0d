/** One dispatched Server-Sent Events message. */
export interface SseMessage {
  /** The `event:` field, `message` when absent. */
  readonly event: string
  /** `data:` lines joined with `\n`. */
  readonly data: string
  /** The last `id:` seen on this stream (it persists across messages, as the spec says). */
  readonly lastEventId: string
}

export interface SseHandlers {
  onMessage(message: SseMessage): void
  onComment?(text: string): void
  /** A valid `retry:` field: the server's preferred reconnection delay. */
  onRetry?(ms: number): void
}

export interface SseParser {
  /** Feeds decoded text; chunks may split lines, fields and CRLF pairs anywhere. */
  push(chunk: string): void
  /** End of stream: a message without its blank line is discarded, as the spec requires. */
  end(): void
}

/**
 * The event-stream interpretation of the HTML spec (9.2.6), incremental. Node 20 has no
 * EventSource, and the relay client needs its own reconnection, heartbeat and auth anyway.
 */
export function createSseParser(handlers: SseHandlers, initialLastEventId = ''): SseParser {
  let pending = ''
  let skipLineFeed = false
  let started = false
  let data = ''
  let hasData = false
  let eventType = ''
  let lastEventId = initialLastEventId

  const dispatch = (): void => {
    if (!hasData) {
      eventType = ''
      return
    }
    const message = { event: eventType === '' ? 'message' : eventType, data, lastEventId }
    data = ''
    hasData = false
    eventType = ''
    handlers.onMessage(message)
  }

  const field = (name: string, value: string): void => {
    switch (name) {
      case 'event':
        eventType = value
        return
      case 'data':
        data = hasData ? `${data}\n${value}` : value
        hasData = true
        return
      case 'id':
        if (!value.includes('\0')) lastEventId = value
        return
      case 'retry':
        if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value))
        return
      default:
      // unknown fields are ignored
    }
  }

  const line = (text: string): void => {
    if (text === '') return dispatch()
    if (text.startsWith(':')) return handlers.onComment?.(text.slice(1).replace(/^ /, ''))
    const colon = text.indexOf(':')
    if (colon < 0) return field(text, '')
    const value = text.slice(colon + 1)
    field(text.slice(0, colon), value.startsWith(' ') ? value.slice(1) : value)
  }

  return {
    push(chunk) {
      if (chunk.length === 0) return
      let text = chunk
      if (!started) {
        started = true
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      }
      let start = 0
      if (skipLineFeed && text.charCodeAt(0) === 10) start = 1
      skipLineFeed = false
      for (let i = start; i < text.length; i += 1) {
        const c = text.charCodeAt(i)
        if (c !== 10 && c !== 13) continue
        const whole = pending + text.slice(start, i)
        pending = ''
        if (c === 13) {
          if (i + 1 >= text.length) skipLineFeed = true
          else if (text.charCodeAt(i + 1) === 10) i += 1
        }
        start = i + 1
        line(whole)
      }
      pending += text.slice(start)
    },
    end() {
      pending = ''
      data = ''
      hasData = false
      eventType = ''
    },
  }
}
