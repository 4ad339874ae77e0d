import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserMode } from '../../../../src/main/web/browser-mode'

const REPORT = {
  settings: { workspaces: [], preferences: [] },
  outbox: { counts: {}, commands: [], pauses: [] },
  intake: { cursors: [], undecodedEvents: 0 },
  userAgent: 'test',
}

let dir: string
let mode: BrowserMode | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ondeck-web-diag-'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>')
})
afterEach(async () => {
  await mode?.close()
  mode = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('browser mode: log and diagnostics in the data folder', () => {
  it('logs renderer lines to logs/web.log and writes the archive to diagnostics/, answering its path', async () => {
    const dataDir = join(dir, 'data')
    mode = await startBrowserMode({
      rendererRoot: join(dir, 'renderer'),
      version: '9.9.9',
      keychainService: `ondeck-test-${process.pid}`,
      dataDir,
    })
    const sender = { url: mode.server.origin }
    const logged = await mode.gateway.router.dispatch(
      'log:write',
      { level: 'error', message: 'page failed with Bearer abcDEF123456789' },
      sender,
    )
    expect(logged).toEqual({ ok: true, value: {} })
    expect(readFileSync(join(dataDir, 'logs', 'web.log'), 'utf8')).toContain(
      '[renderer] page failed with Bearer [redacted]',
    )

    const answer = await mode.gateway.router.dispatch(
      'diagnostics:export',
      { report: REPORT },
      sender,
    )
    if (!answer.ok) throw new Error(answer.error.message)
    const { saved, path } = answer.value as { saved: boolean; path: string }
    expect(saved).toBe(true)
    expect(path.startsWith(join(dataDir, 'diagnostics'))).toBe(true)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0)
    execFileSync('tar', ['-xzf', path, '-C', dir])
    const versions: unknown = JSON.parse(
      readFileSync(join(dir, 'ondeck-diagnostics', 'versions.json'), 'utf8'),
    )
    expect(versions).toMatchObject({ app: '9.9.9', mode: 'web', node: process.versions.node })
  })

  it('refuses both channels from another origin', async () => {
    mode = await startBrowserMode({
      rendererRoot: join(dir, 'renderer'),
      version: '9.9.9',
      keychainService: `ondeck-test-${process.pid}`,
      dataDir: join(dir, 'data'),
    })
    const evil = { url: 'https://evil.example' }
    for (const [channel, input] of [
      ['log:write', { level: 'info', message: 'x' }],
      ['diagnostics:export', { report: REPORT }],
    ] as const) {
      expect(await mode.gateway.router.dispatch(channel, input, evil)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      })
    }
  })
})
