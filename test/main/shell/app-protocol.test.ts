import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { APP_CSP, appRequestHandler, isAppUrl, registerAppScheme, serveApp } =
  await import('../../../src/main/shell/app-protocol')

/** A real folder laid out like out/renderer, with a secret next to it that must stay unreachable. */
let folder: string
let root: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ondeck-protocol-'))
  root = join(folder, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(folder, 'secret.txt'), 'do not serve')
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const get = (url: string, method = 'GET'): Promise<Response> =>
  appRequestHandler(root)(new Request(url, { method }))

describe('app:// protocol', () => {
  it('is registered as standard, secure and fetch-capable, and handled on app', () => {
    electronState.reset()
    registerAppScheme()
    serveApp(root)
    expect(electronState.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(electronState.protocolHandlers.has('app')).toBe(true)
  })

  it('serves the built renderer with its content type and the CSP header', async () => {
    const page = await get('app://ondeck/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Ondeck</title>')
    const script = await get('app://ondeck/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('app://ondeck/')).status).toBe(200)
  })

  it('keeps the CSP strict: no remote scripts, no inline scripts, no framing', () => {
    expect(APP_CSP).toContain("script-src 'self'")
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe/)
    expect(APP_CSP).toContain("frame-ancestors 'none'")
    expect(APP_CSP).toContain("object-src 'none'")
  })

  it('refuses every way out of the renderer folder', async () => {
    const attempts = [
      'app://ondeck/../secret.txt',
      'app://ondeck/%2e%2e/secret.txt',
      'app://ondeck/..%2fsecret.txt',
      'app://ondeck/assets/..%2f..%2fsecret.txt',
      'app://ondeck/..%5csecret.txt',
      `app://ondeck/${encodeURIComponent(join(folder, 'secret.txt'))}`,
      'app://ondeck/%00index.html',
      'app://ondeck/%E0%A4%A',
    ]
    for (const url of attempts) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('do not serve')
    }
  })

  it('answers 404 for another host, a missing file or a folder, and 405 for writes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404)
    expect((await get('app://ondeck/missing.js')).status).toBe(404)
    expect((await get('app://ondeck/assets')).status).toBe(404)
    expect((await get('app://ondeck/index.html', 'POST')).status).toBe(405)
  })

  it('recognises only its exact origin', () => {
    expect(isAppUrl('app://ondeck/index.html#/alerts')).toBe(true)
    for (const url of [
      'app://ondeck.evil/',
      'app://ondeck:1/',
      'app://x@ondeck/',
      'file:///index.html',
      'nonsense',
    ]) {
      expect(isAppUrl(url), url).toBe(false)
    }
  })
})
