import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow } = await import('../../../src/main/shell/window')
const { trackQuitting } = await import('../../../src/main/shell/window-lifecycle')
const { reloadOnCrash } = await import('../../../src/main/shell/crash-recovery')

const log = { info: vi.fn(), warn: vi.fn() }

function setup() {
  let now = 1_000_000
  const window = createMainWindow()
  reloadOnCrash(window, { quit: trackQuitting(), log, now: () => now })
  const fake = electronState.windows[0]
  if (fake === undefined) throw new Error('no window was created')
  const crash = (reason = 'crashed'): void => {
    fake.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 })
  }
  return { fake, crash, advance: (ms: number) => (now += ms) }
}

describe('crash recovery', () => {
  beforeEach(() => electronState.reset())

  it('reloads a crashed renderer', () => {
    const { fake, crash } = setup()
    crash('oom')
    expect(fake.webContents.reloads).toBe(1)
    expect(electronState.dialogs).toEqual([])
  })

  it('does not reload on a clean exit or while quitting', () => {
    const { fake, crash } = setup()
    crash('clean-exit')
    electronState.app.emit('before-quit')
    crash('crashed')
    expect(fake.webContents.reloads).toBe(0)
  })

  it('stops after 3 reloads in a minute and asks; Quit quits', async () => {
    const { fake, crash } = setup()
    electronState.dialogAnswers.push(1)
    for (let i = 0; i < 4; i++) crash()
    expect(fake.webContents.reloads).toBe(3)
    expect(electronState.dialogs).toHaveLength(1)
    expect(electronState.dialogs[0]).toMatchObject({ type: 'error', buttons: ['Reload', 'Quit'] })
    await vi.waitFor(() => expect(electronState.app.quitCalls).toBe(1))
    expect(fake.webContents.reloads).toBe(3)
  })

  it('asks once while the dialog is open, and Reload starts a fresh allowance', async () => {
    const { fake, crash } = setup()
    electronState.dialogAnswers.push(0)
    for (let i = 0; i < 5; i++) crash()
    expect(electronState.dialogs).toHaveLength(1)
    await vi.waitFor(() => expect(fake.webContents.reloads).toBe(4))
    for (let i = 0; i < 3; i++) crash()
    expect(fake.webContents.reloads).toBe(7)
    expect(electronState.dialogs).toHaveLength(1)
  })

  it('allows reloads again once the old ones are more than a minute old', () => {
    const { fake, crash, advance } = setup()
    for (let i = 0; i < 3; i++) crash()
    advance(60_001)
    crash()
    expect(fake.webContents.reloads).toBe(4)
    expect(electronState.dialogs).toEqual([])
  })
})
