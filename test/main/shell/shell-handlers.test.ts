import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, type FakeTray } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createShellHandlers } = await import('../../../src/main/shell/shell-handlers')
const { createNotifier } = await import('../../../src/main/shell/notifier')
const { createTray } = await import('../../../src/main/shell/tray')
const { createNotificationPause } = await import('../../../src/main/shell/notification-pause')
const { createIpcRouter } = await import('../../../src/main/gateway/ipc/router')

const app = { url: 'file:///app/out/renderer/index.html' }
const foreign = { url: 'https://evil.example/' }

function setup() {
  const pause = createNotificationPause()
  const deps = { pause, reveal: vi.fn(), log: { info: vi.fn(), warn: vi.fn() } }
  const notifier = createNotifier({ ...deps, deliver: vi.fn(), platform: 'darwin' })
  const tray = createTray({ ...deps, quit: vi.fn(), iconPath: (file) => file })
  const handlers = createShellHandlers({ version: '1.2.3', notifier, tray })
  const router = createIpcRouter(handlers, {
    isTrustedSender: (sender) => sender.url.startsWith('file://'),
  })
  return { router, fakeTray: electronState.trays[0] as FakeTray }
}

describe('shell IPC handlers', () => {
  beforeEach(() => electronState.reset())

  it('answers app:info for the desktop', async () => {
    const { router } = setup()
    expect(await router.dispatch('app:info', {}, app)).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'desktop' },
    })
  })

  it('shows a notification asked for by the app', async () => {
    const { router } = setup()
    const request = { id: 'a1', title: 'P1 down', body: '', actions: ['acknowledge'] }
    expect(await router.dispatch('notifications:show', request, app)).toEqual({
      ok: true,
      value: { shown: true },
    })
    expect(electronState.notifications).toHaveLength(1)
  })

  it('sets the tray status', async () => {
    const { router, fakeTray } = setup()
    const status = { state: 'unacknowledged-p1', openAlerts: 2, queuedCommands: 0 }
    expect(await router.dispatch('tray:setStatus', status, app)).toEqual({ ok: true, value: {} })
    expect(fakeTray.image).toEqual({ path: 'p1.png' })
  })

  it('refuses a foreign sender and invalid input without touching the OS', async () => {
    const { router, fakeTray } = setup()
    const tooManyActions = {
      id: 'a1',
      title: 'x',
      body: '',
      actions: ['acknowledge', 'close', 'open', 'open'],
    }
    const results = [
      await router.dispatch(
        'notifications:show',
        { id: 'a1', title: 'x', body: '', actions: [] },
        foreign,
      ),
      await router.dispatch(
        'tray:setStatus',
        { state: 'clear', openAlerts: 0, queuedCommands: 0 },
        foreign,
      ),
      await router.dispatch('notifications:show', tooManyActions, app),
      await router.dispatch('tray:setStatus', { state: 'on-fire', openAlerts: -1 }, app),
    ]
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'forbidden-sender',
      'forbidden-sender',
      'invalid-input',
      'invalid-input',
    ])
    expect(electronState.notifications).toHaveLength(0)
    expect(fakeTray.image).toEqual({ path: 'offline.png' })
  })
})
