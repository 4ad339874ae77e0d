import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow } = await import('../../../src/main/shell/window')
const { hideOnClose, revealWindow, trackQuitting } =
  await import('../../../src/main/shell/window-lifecycle')
const { claimSingleInstance } = await import('../../../src/main/shell/single-instance')

function setup() {
  const window = createMainWindow()
  const quit = trackQuitting()
  hideOnClose(window, quit)
  const fake = electronState.windows[0]
  if (fake === undefined) throw new Error('no window was created')
  fake.show()
  return { window, fake, quit }
}

describe('window lifecycle', () => {
  beforeEach(() => electronState.reset())

  it('hides the window on close and keeps the renderer alive', () => {
    const { fake } = setup()
    fake.close()
    expect(fake.visible).toBe(false)
    expect(fake.destroyed).toBe(false)
    expect(fake.webContents.isDestroyed()).toBe(false)
  })

  it('really closes when the app is quitting', () => {
    const { fake } = setup()
    electronState.app.quit()
    expect(fake.destroyed).toBe(true)
  })

  it('really closes when an install marked the app as quitting before before-quit', () => {
    const { fake, quit } = setup()
    quit.markQuitting()
    fake.close()
    expect(fake.destroyed).toBe(true)
  })

  it('really closes when the OS shuts down or ends the session', () => {
    const shutdown = setup()
    electronState.powerMonitor.emit('shutdown')
    shutdown.fake.close()
    expect(shutdown.fake.destroyed).toBe(true)
    electronState.reset()
    const logout = setup()
    logout.fake.emit('session-end', {})
    logout.fake.close()
    expect(logout.fake.destroyed).toBe(true)
  })

  it('reveals a hidden, minimised window and focuses it', () => {
    const { window, fake } = setup()
    fake.close()
    fake.minimize()
    revealWindow(window)
    expect({ visible: fake.visible, minimized: fake.minimized, focused: fake.focused }).toEqual({
      visible: true,
      minimized: false,
      focused: true,
    })
  })

  it('ignores a reveal of no window or a destroyed one', () => {
    const { window, fake } = setup()
    electronState.app.quit()
    expect(() => revealWindow(window)).not.toThrow()
    expect(() => revealWindow(undefined)).not.toThrow()
    expect(fake.visible).toBe(true)
  })
})

describe('single instance', () => {
  beforeEach(() => electronState.reset())

  it('quits when another instance holds the lock', () => {
    electronState.app.singleInstanceLock = false
    expect(claimSingleInstance(() => undefined)).toBe(false)
    expect(electronState.app.quitCalls).toBe(1)
  })

  it('brings the existing window to the front when the app is launched again', () => {
    const { window, fake } = setup()
    expect(claimSingleInstance(() => window)).toBe(true)
    fake.close()
    expect(fake.visible).toBe(false)
    electronState.app.emit('second-instance', {}, ['ondeck'], '/')
    expect(fake.visible && fake.focused).toBe(true)
    expect(electronState.app.quitCalls).toBe(0)
  })
})
