import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createRingShortcut, RING_SHORTCUT } = await import('../../../src/main/shell/ring-shortcut')
const { createShellHandlers } = await import('../../../src/main/shell/shell-handlers')

const sender = { url: 'app://ondeck/' }
const status = (ringing: boolean) =>
  ({ state: 'unacknowledged-p1', openAlerts: 1, queuedCommands: 0, ringing }) as const

function setup() {
  const emit = vi.fn()
  const log = { warn: vi.fn() }
  const ringShortcut = createRingShortcut({ emit, log })
  const handlers = createShellHandlers({
    version: '1.0.0',
    notifier: { show: vi.fn() } as never,
    tray: { setStatus: vi.fn() } as never,
    ringShortcut,
  })
  return { emit, log, handlers }
}

describe('the global "acknowledge what rings" shortcut', () => {
  beforeEach(() => electronState.reset())

  it('is held only while the renderer says something rings, and asks the page to acknowledge', async () => {
    const { emit, handlers } = setup()
    expect(electronState.shortcuts.has(RING_SHORTCUT)).toBe(false)

    await handlers['tray:setStatus'](status(true), sender)
    electronState.shortcuts.get(RING_SHORTCUT)?.()
    expect(emit).toHaveBeenCalledWith('notifications:acknowledgeRinging', {
      at: expect.any(Number) as number,
    })

    await handlers['tray:setStatus'](status(true), sender) // no second registration
    expect(electronMock.globalShortcut.register).toHaveBeenCalledTimes(1)
    await handlers['tray:setStatus'](status(false), sender)
    expect(electronState.shortcuts.has(RING_SHORTCUT)).toBe(false)
  })

  it('says so when another application holds the key, and releases it on quit', async () => {
    electronState.takenShortcuts.add(RING_SHORTCUT)
    const { log, handlers } = setup()
    await handlers['tray:setStatus'](status(true), sender)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('taken'))

    electronState.takenShortcuts.clear()
    await handlers['tray:setStatus'](status(false), sender)
    await handlers['tray:setStatus'](status(true), sender)
    expect(electronState.shortcuts.has(RING_SHORTCUT)).toBe(true)
    electronState.app.emit('will-quit')
    expect(electronState.shortcuts.has(RING_SHORTCUT)).toBe(false)
  })
})
