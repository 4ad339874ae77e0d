import { describe, expect, it } from 'vitest'
import type { TrayStatus } from '../../../src/shared/ipc/schemas'
import {
  addOpenCounts,
  createTrayPusher,
  deriveTrayStatus,
  NO_OPEN_ALERTS,
  sumOpenCounts,
} from '../../../src/renderer/src/notifications/tray'
import { makeAlert } from './alert-fixture'

const counted = (alerts: Parameters<typeof addOpenCounts>[1]) =>
  addOpenCounts(NO_OPEN_ALERTS, alerts)

describe('deriveTrayStatus', () => {
  const live = ['live'] as const
  it('is clear with no open alerts and open with only acknowledged or lower-priority ones', () => {
    expect(deriveTrayStatus({ open: counted([]), health: live, queuedCommands: 0 })).toEqual({
      state: 'clear',
      openAlerts: 0,
      queuedCommands: 0,
      unacknowledged: 0,
      ringing: false,
    })
    const alerts = [
      makeAlert({ priority: 'P1', acknowledged: true }),
      makeAlert({ priority: 'P2' }),
      makeAlert({ priority: 'P1', status: 'closed' }),
    ]
    expect(deriveTrayStatus({ open: counted(alerts), health: live, queuedCommands: 2 })).toEqual({
      state: 'open',
      openAlerts: 2,
      queuedCommands: 2,
      unacknowledged: 1,
      ringing: false,
    })
  })

  it('counts open unacknowledged alerts for the badge and passes the ringing flag on', () => {
    const alerts = [
      makeAlert({ priority: 'P3' }),
      makeAlert({ priority: 'P1' }),
      makeAlert({ priority: 'P2', acknowledged: true }),
      makeAlert({ priority: 'P4', status: 'closed' }),
    ]
    expect(
      deriveTrayStatus({ open: counted(alerts), health: live, queuedCommands: 0, ringing: true }),
    ).toMatchObject({ state: 'unacknowledged-p1', unacknowledged: 2, ringing: true })
  })

  it('flags an unacknowledged P1, even offline, and offline over ordinary open alerts', () => {
    const p1 = makeAlert({ priority: 'P1' })
    expect(
      deriveTrayStatus({ open: counted([p1]), health: ['offline'], queuedCommands: 0 }).state,
    ).toBe('unacknowledged-p1')
    expect(
      deriveTrayStatus({
        open: counted([makeAlert()]),
        health: ['live', 'offline'],
        queuedCommands: 0,
      }).state,
    ).toBe('offline')
    expect(
      deriveTrayStatus({ open: counted([makeAlert()]), health: ['degraded'], queuedCommands: 0 })
        .state,
    ).toBe('open')
    expect(
      deriveTrayStatus({
        open: counted([makeAlert({ priority: 'P2' })]),
        health: live,
        queuedCommands: 0,
        urgentPriorities: ['P1', 'P2'],
      }).state,
    ).toBe('unacknowledged-p1')
  })
})

describe('open counts', () => {
  it('adds up page by page and workspace by workspace as one count of the rows would', () => {
    const pageA = [makeAlert({ priority: 'P1' }), makeAlert({ priority: 'P3', acknowledged: true })]
    const pageB = [makeAlert({ priority: 'P1' }), makeAlert({ priority: 'P2', status: 'closed' })]
    const other = [makeAlert({ priority: 'P3' })]
    const paged = addOpenCounts(addOpenCounts(NO_OPEN_ALERTS, pageA), pageB)
    expect(paged).toEqual(counted([...pageA, ...pageB]))
    expect(paged).toEqual({ open: 3, unacknowledged: { P1: 2 } })
    expect(sumOpenCounts([paged, counted(other)])).toEqual({
      open: 4,
      unacknowledged: { P1: 2, P3: 1 },
    })
  })
})

describe('createTrayPusher', () => {
  it('pushes only when the status changes', async () => {
    const pushed: TrayStatus[] = []
    const push = createTrayPusher((status) => void pushed.push(status))
    const clear: TrayStatus = { state: 'clear', openAlerts: 0, queuedCommands: 0 }
    expect(push(clear)).toBe(true)
    expect(push({ ...clear })).toBe(false)
    expect(push({ ...clear, queuedCommands: 1 })).toBe(true)
    expect(push({ state: 'open', openAlerts: 1, queuedCommands: 1 })).toBe(true)
    await Promise.resolve()
    expect(pushed.map((s) => `${s.state}/${s.openAlerts}/${s.queuedCommands}`)).toEqual([
      'clear/0/0',
      'clear/0/1',
      'open/1/1',
    ])
  })

  it('pushes when ringing starts or stops, or the unacknowledged count changes', () => {
    const push = createTrayPusher(() => undefined)
    const open: TrayStatus = { state: 'open', openAlerts: 1, queuedCommands: 0, unacknowledged: 1 }
    expect(push({ ...open, ringing: false })).toBe(true)
    expect(push({ ...open, ringing: true })).toBe(true)
    expect(push({ ...open, ringing: false })).toBe(true)
    expect(push({ ...open, ringing: false, unacknowledged: 0 })).toBe(true)
  })

  it('retries the same status after main refused it', async () => {
    let answer: { ok: boolean } = { ok: false }
    let calls = 0
    const push = createTrayPusher(() => {
      calls++
      return Promise.resolve(answer)
    })
    const open: TrayStatus = { state: 'open', openAlerts: 1, queuedCommands: 0 }
    push(open)
    await new Promise((resolve) => setImmediate(resolve))
    answer = { ok: true }
    expect(push({ ...open })).toBe(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(push({ ...open })).toBe(false)
    expect(calls).toBe(2)
  })
})
