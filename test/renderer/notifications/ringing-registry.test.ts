import { beforeEach, describe, expect, it } from 'vitest'
import { createAlarmStore } from '../../../src/renderer/src/notifications/alarm-store'
import {
  acknowledgeAllRinging,
  acknowledgeKeyFor,
  registerAlarm,
  selectRingingTotal,
  useRingingRegistry,
} from '../../../src/renderer/src/notifications/ringing-registry'
import {
  scopedNotificationId,
  unscopedNotificationId,
} from '../../../src/renderer/src/notifications/notification-ids'
import { scopeShowPort } from '../../../src/renderer/src/notifications/main-bridge'
import type { NotificationRequest } from '../../../src/renderer/src/notifications/requests'

beforeEach(() => useRingingRegistry.getState().reset())

describe('the ringing registry (every connected workspace)', () => {
  it('sums what rings across workspaces and follows each alarm until unregistered', () => {
    const us = createAlarmStore()
    const eu = createAlarmStore()
    const offUs = registerAlarm('us', us, () => [])
    const offEu = registerAlarm('eu', eu, () => [])
    us.setState({ ringing: ['a'] })
    eu.setState({ ringing: ['a', 'b'] })
    expect(selectRingingTotal(useRingingRegistry.getState())).toBe(3)
    offEu()
    expect(selectRingingTotal(useRingingRegistry.getState())).toBe(1)
    eu.setState({ ringing: ['c'] }) // no longer followed
    expect(selectRingingTotal(useRingingRegistry.getState())).toBe(1)
    offUs()
    expect(useRingingRegistry.getState().byWorkspace).toEqual({})
  })

  it('an older registration going away does not remove a newer one for the same workspace', () => {
    const first = createAlarmStore()
    const second = createAlarmStore()
    const offFirst = registerAlarm('us', first, () => [])
    registerAlarm('us', second, () => [])
    second.setState({ ringing: ['x'] })
    offFirst()
    expect(selectRingingTotal(useRingingRegistry.getState())).toBe(1)
  })

  it('`a` is the key for an alert only while nothing rings or it rings itself', () => {
    const us = createAlarmStore()
    registerAlarm('us', us, () => [])
    const state = () => useRingingRegistry.getState()
    expect(acknowledgeKeyFor(state(), 'us', 'p2')).toBe('a')
    us.setState({ ringing: ['p1'] })
    expect(acknowledgeKeyFor(state(), 'us', 'p2')).toBeUndefined()
    expect(acknowledgeKeyFor(state(), 'us', 'p1')).toBe('a')
    // the same alert id ringing in another workspace is not this alert
    expect(acknowledgeKeyFor(state(), 'eu', 'p1')).toBeUndefined()
  })

  it('acknowledgeAllRinging asks every workspace to acknowledge what rings there', () => {
    const asked: string[] = []
    registerAlarm('us', createAlarmStore(), () => (asked.push('us'), ['a']))
    registerAlarm('eu', createAlarmStore(), () => (asked.push('eu'), ['b', 'c']))
    expect(acknowledgeAllRinging()).toBe(3)
    expect(asked.sort()).toEqual(['eu', 'us'])
  })
})

describe('notification ids carry their workspace', () => {
  it('scopes and unscopes, and refuses another workspace’s id', () => {
    const id = scopedNotificationId('eu-1', 'alert:x')
    expect(id).toBe('eu-1/alert:x')
    expect(unscopedNotificationId('eu-1', id)).toBe('alert:x')
    expect(unscopedNotificationId('eu', id)).toBeUndefined()
    expect(unscopedNotificationId('eu-1', 'alert:x')).toBeUndefined()
  })

  it('the scoped show port names the workspace in the title only when given a label', async () => {
    const sent: NotificationRequest[] = []
    const show = async (r: NotificationRequest) => (sent.push(r), true)
    const request: NotificationRequest = {
      id: 'alert:x',
      title: 'P1 Down',
      body: '',
      actions: ['open'],
      urgent: true,
    }
    const named: { label?: string } = {}
    const port = scopeShowPort('eu', show, () => named.label)
    await port(request)
    named.label = 'EU'
    await port(request)
    expect(sent.map((r) => [r.id, r.title])).toEqual([
      ['eu/alert:x', 'P1 Down'],
      ['eu/alert:x', 'EU: P1 Down'],
    ])
  })
})
