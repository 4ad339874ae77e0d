import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, type FakeTray } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createTray } = await import('../../../src/main/shell/tray')
const { createNotificationPause, ONE_HOUR_MS } =
  await import('../../../src/main/shell/notification-pause')

function setup() {
  const pause = createNotificationPause()
  const reveal = vi.fn()
  const quit = vi.fn()
  const tray = createTray({ pause, reveal, quit, iconPath: (file) => `/icons/${file}` })
  const fake = electronState.trays[0] as FakeTray
  return { pause, reveal, quit, tray, fake, labels: () => fake.menu.map((i) => i.label ?? '---') }
}

describe('tray', () => {
  beforeEach(() => {
    electronState.reset()
    vi.useFakeTimers({ now: 1_700_000_000_000 })
  })
  afterEach(() => vi.useRealTimers())

  it('starts offline until the renderer reports, with the full menu', () => {
    const { fake, labels } = setup()
    expect(fake.image).toEqual({ path: '/icons/offline.png' })
    expect(fake.tooltip).toContain('offline')
    expect(labels()).toEqual(['Open', 'Pause notifications for 1 hour', '---', 'Quit'])
  })

  it('draws a distinct icon per state and shows the counts', () => {
    const { tray, fake } = setup()
    const icons = new Set<unknown>()
    for (const state of ['clear', 'open', 'unacknowledged-p1', 'offline'] as const) {
      tray.setStatus({ state, openAlerts: 5, queuedCommands: 2 })
      icons.add((fake.image as { path: string }).path)
    }
    expect(icons.size).toBe(4)
    tray.setStatus({ state: 'unacknowledged-p1', openAlerts: 5, queuedCommands: 2 })
    expect(fake.image).toEqual({ path: '/icons/p1.png' })
    expect(fake.tooltip).toBe('Ondeck: unacknowledged P1\n5 open alerts, 2 queued commands')
  })

  it('opens the window from the menu and from a click, and quits from the menu', () => {
    const { fake, reveal, quit } = setup()
    fake.clickItem('Open')
    fake.emit('click')
    expect(reveal).toHaveBeenCalledTimes(2)
    fake.clickItem('Quit')
    expect(quit).toHaveBeenCalledOnce()
  })

  it('pauses for an hour, then offers to resume, and resumes', () => {
    const { fake, pause, labels } = setup()
    fake.clickItem('Pause notifications for 1 hour')
    expect(pause.until()).toBe(Date.now() + ONE_HOUR_MS)
    expect(labels()).toContain('Resume notifications')
    expect(fake.tooltip).toContain('Notifications paused until')
    fake.clickItem('Resume notifications')
    expect(pause.isPaused()).toBe(false)
    expect(labels()).toContain('Pause notifications for 1 hour')
    expect(fake.tooltip).not.toContain('paused')
  })

  it('goes back to "Pause" when the hour is over', () => {
    const { fake, labels } = setup()
    fake.clickItem('Pause notifications for 1 hour')
    vi.advanceTimersByTime(ONE_HOUR_MS)
    expect(labels()).toContain('Pause notifications for 1 hour')
  })
})
