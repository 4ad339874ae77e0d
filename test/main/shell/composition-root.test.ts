import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'
import { requests } from '../../../src/shared/ipc/contract'

vi.mock('electron', () => electronMock)

/** src/main/index.ts runs on import, like Electron's entry point: each test imports it afresh. */
async function launch(): Promise<void> {
  vi.resetModules()
  await import('../../../src/main/index')
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setImmediate(r))
  expect(condition()).toBe(true)
}

const fromApp = { senderFrame: { url: 'file:///app/out/renderer/index.html' } }
const fromWeb = { senderFrame: { url: 'https://evil.example/' } }

describe('desktop composition root', () => {
  beforeEach(() => {
    electronState.reset()
    vi.spyOn(console, 'info').mockImplementation(() => undefined)
    delete process.env['ELECTRON_RENDERER_URL']
    delete process.env['ONDECK_UPDATE_URL']
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
    await until(() => electronState.ipcHandlers.size > 0)
    expect([...electronState.ipcHandlers.keys()].sort()).toEqual(Object.keys(requests).sort())
    const info = electronState.ipcHandlers.get('app:info')
    expect(await info?.(fromApp, {})).toEqual({
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
    await until(() => electronState.ipcHandlers.size > 0)
    const get = electronState.ipcHandlers.get('alerts:get')
    expect(await get?.(fromApp, { workspaceId: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await get?.(fromWeb, { workspaceId: 'acme', alertId: 'a1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })

  it('brings the running window forward on a second launch', async () => {
    await launch()
    await until(() => electronState.windows.length === 1)
    const window = electronState.windows[0]
    window?.close()
    expect(window?.visible).toBe(false)
    electronState.app.emit('second-instance', {}, [], '/')
    expect(window?.visible).toBe(true)
  })
})
