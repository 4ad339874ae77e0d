import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createIpcRouter } from '../../../src/main/gateway/ipc/router'
import { startWebServer, type RunningWebServer } from '../../../src/main/web/server'

const root = mkdtempSync(join(tmpdir(), 'ondeck-web-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')
writeFileSync(join(tmpdir(), 'ondeck-secret.txt'), 'outside the root')

let web: RunningWebServer
let cookie: string

/** A raw request so the Host header can be forged (fetch forbids setting it). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/ipc`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

beforeAll(async () => {
  web = await startWebServer({
    rendererRoot: root,
    router: (origin) =>
      createIpcRouter(
        { 'app:info': async () => ({ version: '9.9.9', mode: 'web' as const }) },
        { isTrustedSender: (s) => s.url === origin },
      ),
  })
  const launch = new URL(web.launchUrl)
  const res = await get(`/?token=${launch.searchParams.get('token')}`)
  expect(res.status).toBe(303)
  cookie = String((res.headers['set-cookie'] as string[])[0]).split(';')[0] ?? ''
  expect(String((res.headers['set-cookie'] as string[])[0])).toMatch(/HttpOnly; SameSite=Strict/)
})

afterAll(async () => web.close())

describe('browser mode server', () => {
  it('listens on loopback only', () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('refuses a request without the token, and a wrong token', async () => {
    expect((await get('/')).status).toBe(401)
    expect((await get('/?token=nope')).status).toBe(401)
    expect((await get('/', { cookie: 'ondeck_token=nope' })).status).toBe(401)
  })

  it('serves the app with the token cookie, under the CSP', async () => {
    const res = await get('/', { cookie })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Ondeck</title>')
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'")
  })

  it('refuses a foreign Host header (DNS rebinding) even with the cookie', async () => {
    expect((await get('/', { cookie, host: `evil.example:${web.port}` })).status).toBe(403)
  })

  it('never serves files outside the renderer root', async () => {
    expect((await get('/../ondeck-secret.txt', { cookie })).status).toBe(404)
    expect((await get('/%2e%2e/ondeck-secret.txt', { cookie })).status).toBe(404)
  })

  it('refuses a WebSocket without the token or from a foreign Origin', async () => {
    await expect(connect({ origin: web.origin })).rejects.toThrow(/refused 403/)
    await expect(connect({ cookie, origin: 'https://evil.example' })).rejects.toThrow(/refused 403/)
    await expect(connect({ cookie })).rejects.toThrow(/refused 403/)
  })

  it('carries the IPC contract over the WebSocket, and events back', async () => {
    const ws = await connect({ cookie, origin: web.origin })
    const frames: unknown[] = []
    const waiters: { count: number; resolve: () => void }[] = []
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)))
      for (const w of waiters) if (frames.length >= w.count) w.resolve()
    })
    const framesReach = (count: number): Promise<void> =>
      new Promise((resolve) => waiters.push({ count, resolve }))
    ws.send(JSON.stringify({ id: 1, channel: 'app:info', input: {} }))
    ws.send(
      JSON.stringify({
        id: 2,
        channel: 'alerts:acknowledge',
        input: { workspaceId: 'w', alertId: 'a' },
      }),
    )
    await framesReach(2)
    web.broadcast('app:resumed', { at: 42 })
    await framesReach(3)
    ws.close()
    expect(frames).toContainEqual({
      id: 1,
      envelope: { ok: true, value: { version: '9.9.9', mode: 'web' } },
    })
    expect(frames).toContainEqual({
      id: 2,
      envelope: {
        ok: false,
        error: { code: 'unknown-channel', message: 'no IPC channel named alerts:acknowledge' },
      },
    })
    expect(frames).toContainEqual({ event: 'app:resumed', payload: { at: 42 } })
  })
})
