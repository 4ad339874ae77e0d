import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, FakeFrame } from '../../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { bindIpc } = await import('../../../../src/main/shell/ipc/bind')
const { createIpcRouter } = await import('../../../../src/main/gateway/ipc/router')
const { requests } = await import('../../../../src/shared/ipc/contract')

const router = createIpcRouter(
  { 'app:info': async () => ({ version: '1.0.0', mode: 'desktop' as const }) },
  { isTrustedSender: (s) => s.url.startsWith('app://ondeck/') },
)

/** The window's main frame, the only frame allowed to call main. */
const appFrame = new FakeFrame('app://ondeck/index.html')
const isAppFrame = (frame: unknown): boolean => frame === appFrame

describe('bindIpc', () => {
  beforeEach(() => electronState.reset())

  it('handles every contract channel through the router, and unbinds', () => {
    const unbind = bindIpc(router, { isAppFrame })
    expect([...electronState.ipcHandlers.keys()].sort()).toEqual(Object.keys(requests).sort())
    unbind()
    expect(electronState.ipcHandlers.size).toBe(0)
  })

  it('passes the sender frame URL to the router check', async () => {
    bindIpc(router, { isAppFrame: () => true })
    const handler = electronState.ipcHandlers.get('app:info')
    const fromApp = await handler?.({ senderFrame: { url: 'app://ondeck/index.html' } }, {})
    const fromWeb = await handler?.({ senderFrame: { url: 'https://evil.example/' } }, {})
    expect(fromApp).toEqual({ ok: true, value: { version: '1.0.0', mode: 'desktop' } })
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })

  it('refuses a frame that is not the window main frame, even at the app URL', async () => {
    bindIpc(router, { isAppFrame })
    const handler = electronState.ipcHandlers.get('app:info')
    const subframe = new FakeFrame('app://ondeck/index.html')
    expect(await handler?.({ senderFrame: appFrame }, {})).toMatchObject({ ok: true })
    expect(await handler?.({ senderFrame: subframe }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(await handler?.({ senderFrame: null }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })
})
