import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Malformed request targets must be answered, never end the process: the first three request lines
 * once ended browser mode with exit 1 (a page on any origin can send the first with an <img>).
 * The server runs in a child process, exactly as `npm run web` runs it, so a crash is visible as
 * the process exiting and the next request being refused.
 */
let server: ChildProcess
let port = 0
let exited: string | undefined

beforeAll(async () => {
  server = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/serve-fixture.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  server.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`))
  const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream })
  for await (const line of lines) {
    port = (JSON.parse(line) as { port: number }).port
    break
  }
}, 30_000)

afterAll(async () => {
  if (exited !== undefined) return
  const gone = new Promise((resolve) => server.once('exit', resolve))
  server.kill()
  await gone
})

/** Sends raw bytes and resolves with the status line the server answered (or how it ended). */
function send(raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('error', (error) => resolve(`error ${error.message}`))
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
  })
}

const host = (): string => `Host: 127.0.0.1:${port}\r\n`
const get = (target: string): string =>
  `GET ${target} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`
const upgrade = (target: string): string =>
  `GET ${target} HTTP/1.1\r\n${host()}Connection: Upgrade\r\nUpgrade: websocket\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n` +
  `Origin: http://127.0.0.1:${port}\r\n\r\n`

describe('browser mode under malformed request targets', () => {
  // Requests are built lazily: the port is known only once the server listens.
  it.each([
    ['a request target with an invalid port', () => get('//x:99999'), /^HTTP\/1\.1 40[04] /],
    ['a WebSocket upgrade to an unparsable target', () => upgrade('//['), /^HTTP\/1\.1 40[034] /],
    ['a broken percent-escape', () => get('/%'), /^HTTP\/1\.1 40[04] /],
    ['a broken escape in an asset path', () => get('/assets/%E0%A4%A'), /^HTTP\/1\.1 40[04] /],
    ['an absolute-form target', () => get('http://evil.example/'), /^HTTP\/1\.1 400 /],
    ['an asterisk-form target', () => get('*'), /^HTTP\/1\.1 400 /],
  ])('answers %s and keeps serving', async (_name, raw, status) => {
    expect(await send(raw())).toMatch(status)
    expect(await send(get('/'))).toBe('HTTP/1.1 200 OK')
    expect(exited).toBeUndefined()
  })
})
