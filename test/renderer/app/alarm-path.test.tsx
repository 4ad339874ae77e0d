// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { alertRow } from './support/fixtures'
import { alertEvent, openWorkspace } from './support/open-workspace'

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const banner = (): Promise<HTMLElement> => screen.findByRole('alert', { name: /ringing:/ })

describe('the alarm path', () => {
  it('ringing survives a reload: an open P1 in the cache rings at start, counted in the header and title', async () => {
    const { shown } = await openWorkspace(
      {},
      {
        before: (t) =>
          t.db.alerts
            .bulkPut([
              alertRow(1, { priority: 'P1', message: 'Payments down' }),
              alertRow(2, { priority: 'P2', message: 'Slow search' }),
            ])
            .then(() => undefined),
      },
    )
    const alarm = await banner()
    await waitFor(() => expect(alarm.textContent).toContain('P1 ringing: Payments down'))
    expect(shown).toEqual([]) // catch-up: rings, but is not a new notification
    expect(screen.getByRole('status', { name: '1 ringing, unacknowledged' })).toBeTruthy()
    expect(document.title).toBe('(1) ringing · Ondeck')
    // in the page flow, right after the header: it pushes the views down, covers nothing
    expect(alarm.previousElementSibling?.tagName).toBe('HEADER')
  })

  it('`a` acknowledges what rings, not the selected alert; the banner shows that key', async () => {
    const { t, user } = await openWorkspace(
      {},
      {
        before: (t) =>
          t.db.alerts
            .bulkPut([
              alertRow(1, { priority: 'P1', message: 'Payments down' }),
              alertRow(2, { priority: 'P2', message: 'Slow search' }),
            ])
            .then(() => undefined),
      },
    )
    const alarm = await banner()
    expect(within(alarm).getByRole('button', { name: /^Acknowledge/ }).textContent).toContain('A')
    act(() => useAlertViewStore.getState().select('alert-2'))
    await user.keyboard('a')
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:acknowledge')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
      ]),
    )
  })

  it('the desktop global shortcut acknowledges what rings from anywhere', async () => {
    const { t } = await openWorkspace(
      {},
      {
        before: (t) =>
          t.db.alerts
            .put(alertRow(1, { priority: 'P1', message: 'Payments down' }))
            .then(() => undefined),
      },
    )
    await banner()
    act(() => useNavigationStore.getState().go('services'))
    act(() => t.fake.emit('notifications:acknowledgeRinging', { at: Date.now() }))
    await waitFor(() => expect(t.fake.callsTo('alerts:acknowledge')).toHaveLength(1))
  })

  it('the banner expands into what rings, acknowledges all of it, and silences for 5 minutes', async () => {
    const { t, user } = await openWorkspace()
    const now = Date.now() + 1000
    for (const n of [1, 2, 3])
      act(() =>
        t.fake.emit(
          'intake:event',
          alertEvent(t.workspaceId, {
            ...alertRow(n, { priority: 'P1', message: `Down ${n}` }),
            createdAt: new Date(now + n).toISOString(),
          }),
        ),
      )
    const alarm = await banner()
    await waitFor(() => expect(alarm.textContent).toContain('and 2 more'))
    await user.click(within(alarm).getByRole('button', { name: 'Show all 3' }))
    const list = within(alarm).getByRole('list', { name: 'Ringing alerts' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(3)
    await user.click(within(alarm).getByRole('button', { name: 'Silence for 5 minutes' }))
    await waitFor(() => expect(alarm.textContent).toContain('sound off until'))
    await user.click(within(alarm).getByRole('button', { name: /^Acknowledge all ringing/ }))
    await waitFor(() =>
      expect(
        t.fake
          .callsTo('alerts:acknowledge')
          .map((c) => (c as { alertId: string }).alertId)
          .sort(),
      ).toEqual(['alert-1', 'alert-2', 'alert-3']),
    )
  })
})

describe('sound blocked in browser mode', () => {
  it('says "Sound is blocked: click to enable" and the click lets the page play', async () => {
    /** A Web Audio context the page may not start until a click, as a browser's autoplay rule. */
    let clicked = false
    class SuspendedAudio {
      state = 'suspended'
      currentTime = 0
      destination = {}
      resume(): Promise<void> {
        if (clicked) this.state = 'running'
        return Promise.resolve()
      }
      createOscillator(): unknown {
        return node()
      }
      createGain(): unknown {
        return node()
      }
    }
    const param = {
      value: 0,
      setValueAtTime: () => param,
      exponentialRampToValueAtTime: () => param,
    }
    const node = () => ({
      frequency: param,
      gain: param,
      connect: () => undefined,
      start: () => undefined,
      stop: () => undefined,
    })
    vi.stubGlobal('AudioContext', SuspendedAudio)
    try {
      const { user } = await openWorkspace(
        {},
        {
          before: (t) =>
            t.db.alerts
              .put(alertRow(1, { priority: 'P1', message: 'Payments down' }))
              .then(() => undefined),
        },
      )
      const alarm = await banner()
      const enable = await within(alarm).findByRole('button', {
        name: 'Sound is blocked: click to enable',
      })
      clicked = true // jsdom has no user activation: this stands for the click's gesture
      await user.click(enable)
      await waitFor(() =>
        expect(
          within(alarm).queryByRole('button', { name: 'Sound is blocked: click to enable' }),
        ).toBeNull(),
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
