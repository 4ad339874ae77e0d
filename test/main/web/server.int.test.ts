import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcRouter } from '../../../src/main/gateway/ipc/router'
import { startWebServer, type RunningWebServer } from '../../../src/main/web/server'
import { call } from './support/web-client'

const root = mkdtempSync(join(tmpdir(), 'ondeck-web-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')
writeFileSync(join(tmpdir(), 'ondeck-secret.txt'), 'outside the root')

let web: RunningWebServer
const get = (path: string, headers: Record<string, string> = {}): ReturnType<typeof call> =>
  call(web.port, path, { headers })

beforeAll(async () => {
  web = await startWebServer({
    rendererRoot: root,
    router: (origin) =>
      createIpcRouter(
        { 'app:info': async () => ({ version: '9.9.9', mode: 'web' as const }) },
        { isTrustedSender: (s) => s.url === origin },
      ),
  })
})

afterAll(async () => web.close())

describe('browser mode server: the public bundle', () => {
  it('listens on loopback only, and mints launch URLs that carry the token in the fragment', () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const launch = web.newLaunchUrl()
    expect(launch).toMatch(new RegExp(`^${web.origin}/launch#launch=[A-Za-z0-9_-]{43}$`))
    expect(new URL(launch).search).toBe('')
    expect(web.newLaunchUrl()).not.toBe(launch)
  })

  it('serves the bundle without credentials (it holds no secret), under the CSP', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Ondeck</title>')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${web.port}`)
    expect(csp).not.toContain('localhost')
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('serves the page for /launch too, the path launch URLs use', async () => {
    const res = await get('/launch')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Ondeck</title>')
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${web.port}` })).status).toBe(403)
    expect((await get('/', { host: `127.0.0.1:${web.port + 1}` })).status).toBe(403)
  })

  it('redirects localhost:P to the canonical origin, keeping path and query, adding no fragment', async () => {
    const res = await get('/launch?x=1', { host: `localhost:${web.port}` })
    expect(res.status).toBe(307)
    expect(res.headers.location).toBe(`${web.origin}/launch?x=1`)
  })

  it('never serves files outside the renderer root', async () => {
    expect((await get('/../ondeck-secret.txt')).status).toBe(404)
    expect((await get('/%2e%2e/ondeck-secret.txt')).status).toBe(404)
    expect((await get('/..%2fondeck-secret.txt')).status).toBe(404)
    expect((await get('/index.html%00')).status).toBe(404)
  })

  it('answers methods it does not serve with 405', async () => {
    expect((await call(web.port, '/', { method: 'POST' })).status).toBe(405)
    expect((await get('/session')).status).toBe(405)
  })
})
