import { request, type IncomingMessage } from 'node:http'

export interface SseMessage {
  readonly event: string
  readonly id: string | undefined
  readonly data: string
}

export interface SseConnection {
  readonly status: number
  /** The response body when the status is not 200 (e.g. the 401 error). */
  readonly errorBody: string
  readonly messages: SseMessage[]
  readonly comments: string[]
  /** Called for each message as it is parsed, after it is pushed onto `messages`. */
  onMessage: (message: SseMessage) => void
  readonly ended: Promise<void>
  /** The raw response, e.g. to pause reading like a stalled client would. */
  readonly response: IncomingMessage
  close(): void
}

/**
 * A minimal Server-Sent Events reader over node:http (Node 20 has no EventSource), used by the
 * relay tests and the benchmark. It does not reconnect: callers decide when to resume.
 */
export function connectSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      res.setEncoding('utf8')
      let buffer = ''
      let errorBody = ''
      let fields: { event: string; id: string | undefined; data: string[] } = {
        event: 'message',
        id: undefined,
        data: [],
      }
      const conn: SseConnection = {
        status: res.statusCode ?? 0,
        get errorBody() {
          return errorBody
        },
        messages: [],
        comments: [],
        onMessage: () => undefined,
        ended: new Promise((done) => res.on('close', () => done())),
        response: res,
        close: () => req.destroy(),
      }
      const line = (text: string): void => {
        if (text === '') {
          if (fields.data.length > 0 || fields.event !== 'message') {
            const message = { event: fields.event, id: fields.id, data: fields.data.join('\n') }
            conn.messages.push(message)
            conn.onMessage(message)
          }
          fields = { event: 'message', id: undefined, data: [] }
          return
        }
        if (text.startsWith(':')) return void conn.comments.push(text.slice(1).trim())
        const colon = text.indexOf(':')
        const name = colon < 0 ? text : text.slice(0, colon)
        const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '')
        if (name === 'event') fields.event = value
        else if (name === 'id') fields.id = value
        else if (name === 'data') fields.data.push(value)
      }
      res.on('data', (chunk: string) => {
        if (conn.status !== 200) return void (errorBody += chunk)
        buffer += chunk
        let newline: number
        while ((newline = buffer.indexOf('\n')) >= 0) {
          line(buffer.slice(0, newline).replace(/\r$/, ''))
          buffer = buffer.slice(newline + 1)
        }
      })
      res.on('error', () => undefined)
      resolve(conn)
    })
    req.on('error', reject)
    req.end()
  })
}
