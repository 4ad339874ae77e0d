// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { useUndoStore } from '../../../src/renderer/src/outbox/undo-store'
import { alertRow } from './support/fixtures'
import { openWorkspace } from './support/open-workspace'
import { ok } from './support/fake-api'

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
  useUndoStore.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const confirmed = () => ok({ status: 'confirmed' as const })

/** Four open P3s in the cache, listed 1..4. */
async function withFourAlerts() {
  const opened = await openWorkspace({ 'alerts:snooze': confirmed, 'alerts:assign': confirmed })
  await opened.t.db.alerts.bulkPut(
    [1, 2, 3, 4].map((n) => alertRow(n, { priority: 'P3', message: `Alert ${n}` })),
  )
  await screen.findByText('Alert 4')
  await waitFor(() => expect(useAlertViewStore.getState().visibleIds).toHaveLength(4))
  return opened
}

const ids = (calls: unknown[]): string[] =>
  calls.map((c) => (c as { alertId: string }).alertId).sort()
const row = (n: number): HTMLElement =>
  document.querySelector(`[data-alert-id="alert-${n}"]`) as HTMLElement

describe('multi-select and bulk actions in the alert list', () => {
  it('checkbox, Shift-click and Ctrl-click tick alerts; bulk Acknowledge queues one command each', async () => {
    const { t, user } = await withFourAlerts()
    const order = useAlertViewStore.getState().visibleIds
    await user.click(
      within(row(Number(order[0]?.slice(6)))).getByRole('checkbox', { hidden: true }),
    )
    await user.keyboard('{Shift>}')
    await user.click(row(Number(order[2]?.slice(6))))
    await user.keyboard('{/Shift}{Control>}')
    await user.click(row(Number(order[1]?.slice(6)))) // unticks the middle one
    await user.keyboard('{/Control}')
    expect([...useAlertViewStore.getState().checked].sort()).toEqual(
      [order[0], order[2]].map(String).sort(),
    )
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' })
    expect(bar.textContent).toContain('2 selected')
    await user.click(within(bar).getByRole('button', { name: 'Acknowledge' }))
    await waitFor(() =>
      expect(ids(t.fake.callsTo('alerts:acknowledge'))).toEqual(
        [order[0], order[2]].map(String).sort(),
      ),
    )
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull()
  })

  it('`x` ticks the selected alert; bulk close, snooze and assign go through the outbox', async () => {
    const { t, user } = await withFourAlerts()
    const tick = async (alertId: string): Promise<void> => {
      act(() => useAlertViewStore.getState().select(alertId))
      await user.keyboard('x')
    }
    await tick('alert-1')
    await tick('alert-2')
    let bar = screen.getByRole('toolbar', { name: 'Bulk actions' })
    await user.click(within(bar).getByRole('button', { name: 'Snooze 1 h' }))
    await waitFor(() =>
      expect(ids(t.fake.callsTo('alerts:snooze'))).toEqual(['alert-1', 'alert-2']),
    )

    await tick('alert-3')
    bar = screen.getByRole('toolbar', { name: 'Bulk actions' })
    await user.click(within(bar).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(ids(t.fake.callsTo('alerts:close'))).toEqual(['alert-3']))

    await tick('alert-4')
    bar = screen.getByRole('toolbar', { name: 'Bulk actions' })
    expect(within(bar).getByRole('button', { name: 'Assign' })).toHaveProperty('disabled', true)
    await t.db.users.put({ id: 'u-1', username: 'ana@example.com', fullName: 'Ana Lima' })
    await within(bar).findByRole('option', { name: 'Ana Lima (ana@example.com)' })
    await user.selectOptions(within(bar).getByLabelText('Assign to'), 'ana@example.com')
    await user.click(within(bar).getByRole('button', { name: 'Assign' }))
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:assign')).toMatchObject([
        { alertId: 'alert-4', owner: { username: 'ana@example.com' } },
      ]),
    )

    await tick('alert-1')
    bar = screen.getByRole('toolbar', { name: 'Bulk actions' })
    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }))
    expect(useAlertViewStore.getState().checked).toEqual([])
  })
})
