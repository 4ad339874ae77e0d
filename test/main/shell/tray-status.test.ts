import { describe, expect, it } from 'vitest'
import { TRAY_STATES, trayIconFile, trayTooltip } from '../../../src/main/shell/tray-status'

describe('tray status text', () => {
  it('gives each state its own icon', () => {
    const files = TRAY_STATES.map(trayIconFile)
    expect(new Set(files).size).toBe(TRAY_STATES.length)
  })

  it('shows the state and both counts, singular and plural', () => {
    expect(trayTooltip({ state: 'open', openAlerts: 3, queuedCommands: 1 }, null)).toBe(
      'Ondeck: open alerts\n3 open alerts, 1 queued command',
    )
    expect(trayTooltip({ state: 'clear', openAlerts: 0, queuedCommands: 0 }, null)).toBe(
      'Ondeck: all clear\n0 open alerts, 0 queued commands',
    )
    expect(
      trayTooltip({ state: 'unacknowledged-p1', openAlerts: 1, queuedCommands: 2 }, null),
    ).toBe('Ondeck: unacknowledged P1\n1 open alert, 2 queued commands')
    expect(trayTooltip({ state: 'offline', openAlerts: 4, queuedCommands: 7 }, null)).toContain(
      'offline',
    )
  })

  it('says the alarm rings and how many alerts wait for an acknowledgement', () => {
    const status = {
      state: 'unacknowledged-p1',
      openAlerts: 5,
      unacknowledged: 3,
      queuedCommands: 0,
      ringing: true,
    } as const
    expect(trayTooltip(status, null).split('\n')).toEqual([
      'Ondeck: unacknowledged P1',
      'Alarm ringing: 3 unacknowledged alerts',
      '5 open alerts, 0 queued commands',
    ])
  })

  it('counts the alerts that ring, not every unacknowledged one', () => {
    const status = {
      state: 'unacknowledged-p1',
      openAlerts: 9,
      unacknowledged: 6,
      queuedCommands: 0,
      ringing: true,
      ringingCount: 2,
    } as const
    expect(trayTooltip(status, null).split('\n')[1]).toBe('Alarm ringing: 2 alerts ring')
    expect(trayTooltip({ ...status, ringingCount: 1 }, null).split('\n')[1]).toBe(
      'Alarm ringing: 1 alert rings',
    )
  })

  it('mentions a pause and when it ends', () => {
    const text = trayTooltip({ state: 'clear', openAlerts: 0, queuedCommands: 0 }, Date.now())
    expect(text.split('\n')[2]).toMatch(/^Notifications paused until \d\d.\d\d/)
  })
})
