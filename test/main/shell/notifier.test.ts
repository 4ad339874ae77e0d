import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, fakeEvent } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createNotifier } = await import('../../../src/main/shell/notifier')
const { createNotificationPause, ONE_HOUR_MS } =
  await import('../../../src/main/shell/notification-pause')

const page = {
  id: 'alert-1',
  title: 'P1 Database down',
  body: 'db-1 is not answering',
  actions: ['acknowledge', 'close', 'open'] as ('acknowledge' | 'close' | 'open')[],
  urgent: false,
}

function setup(platform: NodeJS.Platform = 'darwin') {
  const pause = createNotificationPause()
  const reveal = vi.fn()
  const log = { info: vi.fn(), warn: vi.fn() }
  const delivered: unknown[] = []
  const deliver = (action: unknown): void => void delivered.push(action)
  const notifier = createNotifier({ pause, reveal, log, platform, deliver })
  const actions = () => delivered
  const last = () => electronState.notifications.at(-1)
  return { notifier, pause, reveal, log, actions, last }
}

describe('notifier', () => {
  beforeEach(() => electronState.reset())

  it('shows a native notification with Acknowledge, Close and Open buttons', () => {
    const { notifier, last } = setup('darwin')
    expect(notifier.show(page)).toEqual({ shown: true })
    expect(last()?.shown).toBe(true)
    expect(last()?.options).toMatchObject({
      title: 'P1 Database down',
      body: 'db-1 is not answering',
      urgency: 'normal',
      actions: [
        { type: 'button', text: 'Acknowledge' },
        { type: 'button', text: 'Close' },
        { type: 'button', text: 'Open' },
      ],
    })
  })

  it('delivers each button to the renderer as notifications:action', () => {
    const { notifier, last, actions, reveal } = setup('win32')
    notifier.show(page)
    for (const index of [0, 1, 2]) last()?.emit('action', { actionIndex: index }, index, -1)
    expect(actions()).toEqual([
      { notificationId: 'alert-1', action: 'acknowledge' },
      { notificationId: 'alert-1', action: 'close' },
      { notificationId: 'alert-1', action: 'open' },
    ])
    expect(reveal).toHaveBeenCalledOnce()
  })

  it('turns a click into an open: the event goes out and the window comes up', () => {
    const { notifier, last, actions, reveal } = setup('linux')
    notifier.show(page)
    last()?.emit('click', fakeEvent())
    expect(actions()).toEqual([{ notificationId: 'alert-1', action: 'click' }])
    expect(reveal).toHaveBeenCalledOnce()
  })

  it('shows no buttons where the OS has none, and ignores unknown action indexes', () => {
    const { notifier, last, actions } = setup('linux')
    notifier.show(page)
    expect(last()?.options['actions']).toEqual([])
    last()?.emit('action', { actionIndex: 0 }, 0, -1)
    expect(actions()).toEqual([])
  })

  it('stays quiet while paused unless the notification is urgent', () => {
    const { notifier, pause, last } = setup()
    pause.pauseFor(ONE_HOUR_MS)
    expect(notifier.show(page)).toEqual({ shown: false })
    expect(electronState.notifications).toHaveLength(0)
    expect(notifier.show({ ...page, urgent: true })).toEqual({ shown: true })
    expect(last()?.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' })
    pause.resume()
    expect(notifier.show(page)).toEqual({ shown: true })
  })

  it('answers shown: false where notifications are not supported', () => {
    const { notifier } = setup()
    electronMock.Notification.supported = false
    expect(notifier.show(page)).toEqual({ shown: false })
  })

  it('replaces a notification shown again under the same id', () => {
    const { notifier } = setup()
    notifier.show(page)
    notifier.show({ ...page, title: 'P1 Database still down' })
    expect(electronState.notifications.map((n) => n.closed)).toEqual([true, false])
  })

  it('logs a notification the OS failed to show', () => {
    const { notifier, last, log } = setup()
    notifier.show(page)
    last()?.emit('failed', fakeEvent(), 'no notification daemon')
    expect(log.warn).toHaveBeenCalledWith('notification alert-1 failed', 'no notification daemon')
  })
})
