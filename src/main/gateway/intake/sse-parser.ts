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

/**
 * The largest frame (every line from one blank line to the next) the parser holds, in UTF-16
 * characters of decoded text (never more than the bytes received). The relay stores webhook
 * bodies up to 1 MiB (`MAX_BODY_BYTES` in src/relay) and sends each as a JSON string inside the
 * event's JSON, where escaping at most doubles a valid JSON body; 64 KiB covers the other fields
 * and the framing. Anything larger is not from our relay, and buffering it would let one endless
 * line take the gateway's memory.
 */
export const MAX_SSE_FRAME_CHARS = 2 * 1024 * 1024 + 64 * 1024

/** A frame grew past the cap: the stream must be dropped (the event was not taken). */
export class SseFrameTooLargeError extends Error {
  override name = 'SseFrameTooLargeError'
  constructor(readonly maxFrameChars: number) {
    super(`an event from the relay is larger than ${maxFrameChars} characters`)
  }
}

export interface SseParserOptions {
  /** Default `MAX_SSE_FRAME_CHARS`. */
  readonly maxFrameChars?: number
}

export interface SseParser {
  /**
   * Feeds decoded text; chunks may split lines, fields and CRLF pairs anywhere. Throws
   * `SseFrameTooLargeError` once the current frame passes the cap; the parser is then unusable.
   */
  push(chunk: string): void
  /** End of stream: a message without its blank line is discarded, as the spec requires. */
  end(): void
}

/**
 * The event-stream interpretation of the HTML spec (9.2.6), incremental. Node 20 has no
 * EventSource, and the relay client needs its own reconnection, heartbeat and auth anyway.
 */
export function createSseParser(
  handlers: SseHandlers,
  initialLastEventId = '',
  options: SseParserOptions = {},
): SseParser {
  const maxFrameChars = options.maxFrameChars ?? MAX_SSE_FRAME_CHARS
  let pending = ''
  /** Characters of the current frame's complete lines (a blank line starts a new frame). */
  let frameChars = 0
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
    if (text === '') {
      frameChars = 0
      return dispatch()
    }
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
        frameChars += whole.length + 1
        if (frameChars > maxFrameChars) throw new SseFrameTooLargeError(maxFrameChars)
        if (c === 13) {
          if (i + 1 >= text.length) skipLineFeed = true
          else if (text.charCodeAt(i + 1) === 10) i += 1
        }
        start = i + 1
        line(whole)
      }
      // Checked before keeping the rest, so an endless line never gets buffered past the cap.
      if (frameChars + pending.length + (text.length - start) > maxFrameChars)
        throw new SseFrameTooLargeError(maxFrameChars)
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
