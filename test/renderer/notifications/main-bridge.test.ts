import { describe, expect, it } from 'vitest'
import { buildOndeckApi, type IpcTransport } from '../../../src/shared/ipc/api'
import type { Envelope } from '../../../src/shared/ipc/envelope'
import {
  connectNotificationCenter,
  createShowPort,
} from '../../../src/renderer/src/notifications/main-bridge'
import { createNotificationCenter } from '../../../src/renderer/src/notifications/notification-center'
import type { NotificationRequest } from '../../../src/renderer/src/notifications/requests'
import { makeAlert } from './alert-fixture'

/** An in-memory transport under the real typed API: records calls, lets the test emit main's events. */
function fakeMain(shown: boolean) {
  const calls: { channel: string; input: unknown }[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const transport: IpcTransport = {
    invoke: (channel, input) => {
      calls.push({ channel, input })
      return Promise.resolve({
        ok: true,
        value: channel === 'notifications:show' ? { shown } : {},
      } as Envelope<unknown>)
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
  return { api: buildOndeckApi(transport), calls, emit, listeners }
}

const request: NotificationRequest = {
  id: 'alert:1',
  title: 'P1 down',
  body: '',
  actions: ['open'],
  urgent: true,
}

describe('createShowPort', () => {
  it('uses main and does not fall back when main showed it', async () => {
    const main = fakeMain(true)
    const fallback: NotificationRequest[] = []
    const show = createShowPort(main.api, (r) => {
      fallback.push(r)
      return Promise.resolve(true)
    })
    expect(await show(request)).toBe(true)
    expect(main.calls).toEqual([{ channel: 'notifications:show', input: request }])
    expect(fallback).toEqual([])
  })

  it('falls back to the Web Notification when main answers shown: false (browser mode)', async () => {
    const main = fakeMain(false)
    const fallback: NotificationRequest[] = []
    const show = createShowPort(main.api, (r) => {
      fallback.push(r)
      return Promise.resolve(true)
    })
    expect(await show(request)).toBe(true)
    expect(fallback).toEqual([request])
    expect(await createShowPort(main.api)(request)).toBe(false)
  })
})

describe('connectNotificationCenter', () => {
  it("feeds main's action and pause events into the center and unsubscribes", () => {
    const main = fakeMain(true)
    const acked: string[] = []
    const shown: NotificationRequest[] = []
    const now = Date.now()
    const center = createNotificationCenter({
      show: (r) => void shown.push(r),
      playSound: () => undefined,
      now: () => now,
      onAcknowledge: (id) => void acked.push(id),
      onClose: () => undefined,
      onOpen: () => undefined,
    })
    const off = connectNotificationCenter(main.api, center)
    main.emit('notifications:action', { notificationId: 'alert:a1', action: 'acknowledge' })
    expect(acked).toEqual(['a1'])
    main.emit('notifications:paused', { until: now + 1000 })
    expect(center.settings().pausedUntil).toBe(now + 1000)
    center.handleChange({ kind: 'created', alert: makeAlert({ priority: 'P2' }) })
    expect(shown).toEqual([])
    off()
    expect([...main.listeners.values()].every((set) => set.size === 0)).toBe(true)
    center.dispose()
  })
})
