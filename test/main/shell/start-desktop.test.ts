import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, fakeEvent, type FakeTray } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { startDesktopShell } = await import('../../../src/main/shell/start-desktop')

let userDataDir: string

function start() {
  const log = { info: vi.fn(), warn: vi.fn() }
  const shell = startDesktopShell({
    devServerUrl: undefined,
    updateFeedUrl: undefined,
    userDataDir,
    log,
  })
  const window = electronState.windows[0]
  const tray = electronState.trays[0] as FakeTray
  if (window === undefined) throw new Error('no window was created')
  return { shell, window, tray, sent: (name: string) => window.webContents.sentOn(name) }
}

describe('desktop shell wiring', () => {
  beforeEach(() => {
    electronState.reset()
    userDataDir = mkdtempSync(join(tmpdir(), 'ondeck-shell-'))
  })
  afterEach(() => rmSync(userDataDir, { recursive: true, force: true }))

  it('opens one window and a tray, and answers the shell channels', () => {
    const { shell, window } = start()
    expect(electronState.windows).toHaveLength(1)
    expect(electronState.trays).toHaveLength(1)
    expect(shell.currentWindow()).toBeDefined()
    expect(Object.keys(shell.handlers).sort()).toEqual([
      'app:info',
      'notifications:show',
      'tray:setStatus',
    ])
    window.show()
    window.close()
    expect(window.destroyed).toBe(false)
  })

  it('quits from the tray: the window really closes', () => {
    const { shell, window, tray } = start()
    tray.clickItem('Quit')
    expect(electronState.app.quitCalls).toBe(1)
    expect(window.destroyed).toBe(true)
    expect(shell.currentWindow()).toBeUndefined()
  })

  it('tells the renderer when notifications are paused and resumed', () => {
    const { tray, sent } = start()
    tray.clickItem('Pause notifications for 1 hour')
    tray.clickItem('Resume notifications')
    const paused = sent('notifications:paused') as { until: number | null }[]
    expect(paused).toHaveLength(2)
    expect(paused[0]?.until).toBeGreaterThan(Date.now())
    expect(paused[1]).toEqual({ until: null })
  })

  it('delivers notification actions and wake-ups to the renderer', async () => {
    const { shell, window, sent } = start()
    await shell.handlers['notifications:show'](
      {
        id: 'alert-9',
        title: 'P1',
        body: '',
        actions: ['acknowledge'],
        urgent: false,
      },
      { url: 'app://ondeck/' },
    )
    electronState.notifications[0]?.emit('click', fakeEvent())
    expect(sent('notifications:handoff-deliver')).toEqual([
      { deliveryId: expect.any(String), action: { notificationId: 'alert-9', action: 'click' } },
    ])
    expect(window.visible).toBe(true)
    electronState.powerMonitor.emit('resume')
    expect(sent('app:resumed')).toHaveLength(1)
  })

  it('reloads the renderer after a crash', () => {
    const { window } = start()
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 })
    expect(window.webContents.reloads).toBe(1)
  })

  it('reopens a window on activate (macOS dock) when the old one is gone', () => {
    const { shell, window } = start()
    electronState.app.emit('before-quit')
    window.close()
    electronState.app.emit('activate')
    expect(electronState.windows).toHaveLength(2)
    expect(shell.currentWindow()).toBeDefined()
  })
})
