import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, FakeFrame } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

let userData: string

/** src/main/index.ts runs on import, like Electron's entry point: each test imports it afresh. */
async function launch(): Promise<void> {
  vi.resetModules()
  await import('../../../src/main/index')
  for (let i = 0; i < 100 && electronState.ipcHandlers.size === 0; i++) {
    await new Promise((r) => setImmediate(r))
  }
}

function call(channel: string, input: unknown, frame?: FakeFrame): Promise<unknown> {
  const handler = electronState.ipcHandlers.get(channel)
  const senderFrame = frame ?? electronState.windows[0]?.webContents.mainFrame
  if (handler === undefined || senderFrame === undefined) throw new Error(`no ${channel}`)
  return Promise.resolve(handler({ senderFrame }, input))
}

const REPORT = {
  settings: { workspaces: [], preferences: [] },
  outbox: { counts: {}, commands: [], pauses: [] },
  intake: { cursors: [], undecodedEvents: 0 },
  userAgent: 'test',
}

describe('desktop logs and diagnostics export', () => {
  beforeEach(() => {
    electronState.reset()
    vi.spyOn(console, 'info').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    delete process.env['ELECTRON_RENDERER_URL']
    delete process.env['ONDECK_UPDATE_URL']
    userData = mkdtempSync(join(tmpdir(), 'ondeck-diag-root-'))
    electronState.paths['userData'] = userData
    electronState.paths['logs'] = join(userData, 'logs')
    electronState.paths['downloads'] = join(userData, 'Downloads')
  })
  afterEach(() => rmSync(userData, { recursive: true, force: true }))

  it('writes renderer lines to main.log in the logs folder, scrubbed, from the app frame only', async () => {
    await launch()
    expect(await call('log:write', { level: 'warn', message: 'sent GenieKey 1234-abcd' })).toEqual({
      ok: true,
      value: {},
    })
    const foreign = new FakeFrame('https://evil.example/')
    expect(await call('log:write', { level: 'error', message: 'forged' }, foreign)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(await call('log:write', { level: 'silly', message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    const log = readFileSync(join(userData, 'logs', 'main.log'), 'utf8')
    expect(log).toContain('[renderer] sent GenieKey [redacted]')
    expect(log).not.toContain('forged')
  })

  it('exports through a save dialog (Downloads by default); a cancelled dialog saves nothing', async () => {
    await launch()
    expect(await call('diagnostics:export', { report: REPORT })).toEqual({
      ok: true,
      value: { saved: false },
    })
    expect(String(electronState.saveDialogs[0]?.['defaultPath'])).toMatch(
      /Downloads[/\\]ondeck-diagnostics-.*\.tar\.gz$/,
    )
    const target = join(userData, 'chosen.tar.gz')
    electronState.saveDialogAnswer = { canceled: false, filePath: target }
    expect(await call('diagnostics:export', { report: REPORT })).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o077).toBe(0)
    const listing = execFileSync('tar', ['-tzf', target], { encoding: 'utf8' })
    expect(listing).toContain('ondeck-diagnostics/versions.json')
    expect(listing).toContain('ondeck-diagnostics/logs/main.log')
  })
})
