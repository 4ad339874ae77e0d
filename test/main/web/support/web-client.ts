import { request } from 'node:http'
import WebSocket from 'ws'

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so Host and Origin can be forged (fetch forbids setting them). */
export function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** `POST /session` as the page sends it, from the server's own origin unless told otherwise. */
export function postSession(
  port: number,
  body: unknown,
  origin = `http://127.0.0.1:${port}`,
): Promise<Answer> {
  return call(port, '/session', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** The launch token a launch URL carries in its fragment. */
export function launchTokenOf(launchUrl: string): string {
  const token = /[#&]launch=([^&]+)/.exec(new URL(launchUrl).hash)?.[1]
  if (token === undefined) throw new Error(`no launch token in ${launchUrl}`)
  return token
}

/** Opens the IPC socket; resolves with the socket, rejects with `refused <status>`. */
export function openSocket(
  port: number,
  options: { protocols?: string[]; origin?: string; host?: string } = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, options.protocols ?? [], {
      origin: options.origin ?? `http://127.0.0.1:${port}`,
      ...(options.host !== undefined ? { headers: { host: options.host } } : {}),
    })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)))
    ws.once('error', reject)
  })
}
