import { describe, expect, it } from 'vitest'
import type { NotificationAction } from '../../../src/renderer/src/notifications/action-router'
import type { NotificationRequest } from '../../../src/renderer/src/notifications/requests'
import {
  createWebNotifier,
  type WebNotificationApi,
} from '../../../src/renderer/src/notifications/web-notifier'

/** A stand-in for the DOM Notification class (Node has none); records what the page would show. */
function fakeNotificationApi(answer: NotificationPermission) {
  const created: FakeNotification[] = []
  let asked = 0
  class FakeNotification {
    static permission: NotificationPermission = 'default'
    static requestPermission(): Promise<NotificationPermission> {
      asked++
      FakeNotification.permission = answer
      return Promise.resolve(answer)
    }
    onclick: (() => void) | null = null
    onclose: (() => void) | null = null
    closed = false
    constructor(
      readonly title: string,
      readonly options: NotificationOptions = {},
    ) {
      created.push(this)
    }
    close(): void {
      this.closed = true
      this.onclose?.()
    }
  }
  return { api: FakeNotification as unknown as WebNotificationApi, created, asked: () => asked }
}

const request: NotificationRequest = {
  id: 'alert:a9',
  title: 'P1 db down',
  body: 'db',
  actions: ['open'],
  urgent: true,
}

describe('createWebNotifier', () => {
  it('asks permission once, shows, and turns a click into a click action that focuses the app', async () => {
    const fake = fakeNotificationApi('granted')
    const actions: NotificationAction[] = []
    let focused = 0
    const show = createWebNotifier({
      api: fake.api,
      onAction: (a) => void actions.push(a),
      focus: () => void focused++,
    })
    expect(await show(request)).toBe(true)
    expect(await show({ ...request, title: 'P1 db still down' })).toBe(true)
    expect(fake.asked()).toBe(1)
    expect(fake.created).toHaveLength(2)
    expect(fake.created[0]?.closed).toBe(true)
    expect(fake.created[1]?.options).toMatchObject({
      body: 'db',
      tag: 'alert:a9',
      requireInteraction: true,
    })
    fake.created[1]?.onclick?.()
    expect(actions).toEqual([{ notificationId: 'alert:a9', action: 'click' }])
    expect(focused).toBe(1)
  })

  it('shows nothing when permission is denied or the API is missing', async () => {
    const fake = fakeNotificationApi('denied')
    expect(await createWebNotifier({ api: fake.api, onAction: () => undefined })(request)).toBe(
      false,
    )
    expect(fake.created).toEqual([])
    expect(await createWebNotifier({ api: undefined, onAction: () => undefined })(request)).toBe(
      false,
    )
  })
})
