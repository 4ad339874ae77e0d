import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { bindIpc } = await import('../../../../src/main/shell/ipc/bind')
const { createIpcRouter } = await import('../../../../src/main/gateway/ipc/router')
const { requests } = await import('../../../../src/shared/ipc/contract')

const router = createIpcRouter(
  { 'app:info': async () => ({ version: '1.0.0', mode: 'desktop' as const }) },
  { isTrustedSender: (s) => s.url.startsWith('file://') },
)

describe('bindIpc', () => {
  beforeEach(() => electronState.reset())

  it('handles every contract channel through the router, and unbinds', () => {
    const unbind = bindIpc(router)
    expect([...electronState.ipcHandlers.keys()].sort()).toEqual(Object.keys(requests).sort())
    unbind()
    expect(electronState.ipcHandlers.size).toBe(0)
  })

  it('passes the sender frame URL to the router check', async () => {
    bindIpc(router)
    const handler = electronState.ipcHandlers.get('app:info')
    const fromApp = await handler?.({ senderFrame: { url: 'file:///app/index.html' } }, {})
    const fromWeb = await handler?.({ senderFrame: { url: 'https://evil.example/' } }, {})
    const noFrame = await handler?.({ senderFrame: null }, {})
    expect(fromApp).toEqual({ ok: true, value: { version: '1.0.0', mode: 'desktop' } })
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })
})
