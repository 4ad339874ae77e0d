// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
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

const p1 = (overrides: Partial<Alert> = {}): Alert => ({
  id: 'alert-1',
  tinyId: '1',
  alias: 'payments-down',
  message: 'Payments down',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P1',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  // created after the workspace opened: news, not catch-up
  createdAt: new Date(Date.now() + 1000).toISOString(),
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...overrides,
})

describe('notifications in the open workspace', () => {
  it('a live P1 notifies through main, rings in the app, and the banner acknowledges it', async () => {
    const { t, user, shown, tray, trayRinging } = await openWorkspace()
    act(() => t.fake.emit('intake:event', alertEvent(t.workspaceId, p1())))

    const banner = await screen.findByRole('alert', { name: /ringing:/ })
    await waitFor(() => expect(banner.textContent).toContain('P1 ringing: Payments down'))
    // the id carries the workspace: main hands a button back to every connected workspace
    expect(shown).toEqual([{ id: `${t.workspaceId}/alert:alert-1`, title: 'P1 Payments down' }])
    await waitFor(() => expect(tray.at(-1)).toEqual({ state: 'unacknowledged-p1', openAlerts: 1 }))
    // the tray tooltip says how many alerts ring
    await waitFor(() => expect(trayRinging.at(-1)).toBe(1))

    await user.click(within(banner).getByRole('button', { name: /^Acknowledge/ }))
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:acknowledge')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
      ]),
    )
    // ringing stops when the acknowledgement comes back from Opsgenie, not on the click
    expect(screen.getByRole('alert', { name: /ringing:/ })).toBeTruthy()
    act(() =>
      t.fake.emit(
        'intake:event',
        alertEvent(
          t.workspaceId,
          p1({ acknowledged: true, updatedAt: '2026-11-27T01:00:00.000Z' }),
        ),
      ),
    )
    await waitFor(() => expect(screen.queryByRole('alert', { name: /ringing:/ })).toBeNull())
    await waitFor(() => expect(tray.at(-1)).toEqual({ state: 'open', openAlerts: 1 }))
    await waitFor(() => expect(trayRinging.at(-1)).toBe(0))
  })

  it('a closed-elsewhere alert stops ringing', async () => {
    const { t } = await openWorkspace()
    act(() => t.fake.emit('intake:event', alertEvent(t.workspaceId, p1())))
    await screen.findByRole('alert', { name: /ringing:/ })
    act(() =>
      t.fake.emit(
        'intake:event',
        alertEvent(t.workspaceId, p1({ status: 'closed', updatedAt: '2026-11-27T01:00:00.000Z' })),
      ),
    )
    await waitFor(() => expect(screen.queryByRole('alert', { name: /ringing:/ })).toBeNull())
  })

  it('reconciliation (not live) fills the cache without notifying, but an open P1 rings', async () => {
    const { t, shown } = await openWorkspace()
    act(() => t.fake.emit('intake:event', alertEvent(t.workspaceId, p1(), 'reconcile')))
    await waitFor(async () => expect(await t.db.alerts.get('alert-1')).toBeDefined())
    await screen.findByRole('alert', { name: /ringing:/ })
    expect(shown).toEqual([])
  })

  it("main's notification buttons go through the same action path, and open shows the alert", async () => {
    const { t } = await openWorkspace()
    act(() => t.fake.emit('intake:event', alertEvent(t.workspaceId, p1())))
    await screen.findByRole('alert', { name: /ringing:/ })

    act(() =>
      t.fake.emit('notifications:action', {
        notificationId: `${t.workspaceId}/alert:alert-1`,
        action: 'close',
      }),
    )
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:close')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
      ]),
    )
    act(() => useNavigationStore.getState().go('services'))
    act(() =>
      t.fake.emit('notifications:action', {
        notificationId: `${t.workspaceId}/alert:alert-1`,
        action: 'open',
      }),
    )
    expect(useNavigationStore.getState().view).toBe('alerts')
    expect(useAlertViewStore.getState().selectedId).toBe('alert-1')
    act(() =>
      t.fake.emit('notifications:action', { notificationId: 'not-ours', action: 'acknowledge' }),
    )
    // another workspace's notification for the same alert id is that workspace's to act on
    act(() =>
      t.fake.emit('notifications:action', {
        notificationId: 'other-workspace/alert:alert-1',
        action: 'acknowledge',
      }),
    )
    expect(t.fake.callsTo('alerts:acknowledge')).toEqual([])
  })
})
