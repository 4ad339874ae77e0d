import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow } = await import('../../../src/main/shell/window')
const { eventsTo } = await import('../../../src/main/shell/renderer-events')
const { emitResumes } = await import('../../../src/main/shell/power-events')

describe('resume from sleep', () => {
  let now = 0
  const resumed = () => electronState.windows[0]?.webContents.sentOn('app:resumed')

  beforeEach(() => {
    electronState.reset()
    now = 1_000_000
    const window = createMainWindow()
    emitResumes(
      eventsTo(() => window),
      () => now,
    )
  })

  it('tells the renderer when the machine wakes up', () => {
    electronState.powerMonitor.emit('resume')
    expect(resumed()).toEqual([{ at: 1_000_000 }])
  })

  it('tells the renderer when the screen is unlocked', () => {
    electronState.powerMonitor.emit('unlock-screen')
    expect(resumed()).toEqual([{ at: 1_000_000 }])
  })

  it('coalesces a resume and an unlock that come together, not ones far apart', () => {
    electronState.powerMonitor.emit('resume')
    now += 1_000
    electronState.powerMonitor.emit('unlock-screen')
    now += 60_000
    electronState.powerMonitor.emit('unlock-screen')
    expect(resumed()).toEqual([{ at: 1_000_000 }, { at: 1_061_000 }])
  })

  it('drops the event when the window is gone', () => {
    electronState.windows[0]?.close()
    expect(() => electronState.powerMonitor.emit('resume')).not.toThrow()
    expect(resumed()).toEqual([])
  })
})
