import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, FakeFrame } from '../../support/electron-mock'
import { requests } from '../../../src/shared/ipc/contract'

vi.mock('electron', () => electronMock)

/** src/main/index.ts runs on import, like Electron's entry point: each test imports it afresh. */
async function launch(): Promise<void> {
  vi.resetModules()
  await import('../../../src/main/index')
}

/** An IPC event from the window's main frame, as Electron would build it. */
function fromApp(): { senderFrame: FakeFrame } {
  const window = electronState.windows[0]
  if (window === undefined) throw new Error('no window was created')
  return { senderFrame: window.webContents.mainFrame }
}
const fromWeb = { senderFrame: new FakeFrame('https://evil.example/') }
const fromFile = { senderFrame: new FakeFrame('file:///home/me/Downloads/dropped.html') }

describe('desktop composition root', () => {
  beforeEach(() => {
    electronState.reset()
    vi.spyOn(console, 'info').mockImplementation(() => undefined)
    delete process.env['ELECTRON_RENDERER_URL']
    delete process.env['ONDECK_UPDATE_URL']
    electronState.paths['userData'] = mkdtempSync(join(tmpdir(), 'ondeck-root-'))
    electronState.paths['logs'] = join(electronState.paths['userData'], 'logs')
  })
  afterEach(() => {
    const userData = electronState.paths['userData']
    if (userData !== undefined) rmSync(userData, { recursive: true, force: true })
    delete process.env['ELECTRON_RENDERER_URL']
  })

  it('turns the sandbox on for every renderer, before anything else', async () => {
    await launch()
    expect(electronState.app.sandboxEnabled).toBe(true)
  })

  it('quits without a window when another instance is running', async () => {
    electronState.app.singleInstanceLock = false
    await launch()
    expect(electronState.app.quitCalls).toBe(1)
    await new Promise((r) => setImmediate(r))
    expect(electronState.windows).toHaveLength(0)
  })

  it('binds every contract channel and answers the app, not a foreign frame', async () => {
    await launch()
    await vi.waitFor(() => expect(electronState.ipcHandlers.size).toBeGreaterThan(0))
    expect([...electronState.ipcHandlers.keys()].sort()).toEqual(Object.keys(requests).sort())
    const info = electronState.ipcHandlers.get('app:info')
    expect(await info?.(fromApp(), {})).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'desktop' },
    })
    expect(await info?.(fromWeb, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })

  it('plugs the gateway in behind the same router: its channels parse and check the sender', async () => {
    await launch()
    await vi.waitFor(() => expect(electronState.ipcHandlers.size).toBeGreaterThan(0))
    const get = electronState.ipcHandlers.get('alerts:get')
    expect(await get?.(fromApp(), { workspaceId: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await get?.(fromWeb, { workspaceId: 'acme', alertId: 'a1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })

  it('serves the renderer from its own privileged scheme, registered before ready', async () => {
    await launch()
    expect(electronState.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
      },
    ])
    await vi.waitFor(() => expect(electronState.windows.length).toBe(1))
    expect(electronState.protocolHandlers.has('app')).toBe(true)
    expect(electronState.windows[0]?.loaded).toBe('app://ondeck/index.html')
  })

  it('refuses IPC from a file: page and from a frame that is not the window main frame', async () => {
    await launch()
    await vi.waitFor(() => expect(electronState.ipcHandlers.size).toBeGreaterThan(0))
    const info = electronState.ipcHandlers.get('app:info')
    const subframe = { senderFrame: new FakeFrame('app://ondeck/index.html') }
    for (const event of [fromFile, subframe]) {
      expect(await info?.(event, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      })
    }
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:5173/'
    electronState.app.isPackaged = true
    // Electron sets this in a packaged app; the tray looks for its icons there
    Object.assign(process, { resourcesPath: electronState.paths['userData'] })
    await launch()
    await vi.waitFor(() => expect(electronState.ipcHandlers.size).toBeGreaterThan(0))
    expect(electronState.windows[0]?.loaded).toBe('app://ondeck/index.html')
    const devPage = { senderFrame: electronState.windows[0]?.webContents.mainFrame }
    if (devPage.senderFrame !== undefined) devPage.senderFrame.url = 'http://127.0.0.1:5173/'
    expect(await electronState.ipcHandlers.get('app:info')?.(devPage, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })

  it('uses the dev server in development', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:5173/'
    await launch()
    await vi.waitFor(() => expect(electronState.ipcHandlers.size).toBeGreaterThan(0))
    expect(electronState.windows[0]?.loaded).toBe('http://127.0.0.1:5173/')
    expect(await electronState.ipcHandlers.get('app:info')?.(fromApp(), {})).toMatchObject({
      ok: true,
    })
  })

  it('brings the running window forward on a second launch', async () => {
    await launch()
    await vi.waitFor(() => expect(electronState.windows.length).toBe(1))
    const window = electronState.windows[0]
    window?.close()
    expect(window?.visible).toBe(false)
    electronState.app.emit('second-instance', {}, [], '/')
    expect(window?.visible).toBe(true)
  })
})
