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

/** One open P3 selected, with the outbox holding destructive actions for `undoHoldMs`. */
async function withSelectedAlert(undoHoldMs: number) {
  const opened = await openWorkspace(
    {},
    { outboxSettings: { followIntervalMs: 5, backoffBaseMs: 5, reconcileAfterMs: 20, undoHoldMs } },
  )
  await opened.t.db.alerts.put(alertRow(1, { priority: 'P3', message: 'Disk full' }))
  await screen.findByText('Disk full')
  act(() => useAlertViewStore.getState().select('alert-1'))
  return opened
}

describe('a one-key close is held in the outbox with Undo', () => {
  it('`c` shows "Closing" with Undo; Undo withdraws it before anything is sent', async () => {
    const { t, user } = await withSelectedAlert(60_000)
    await user.keyboard('c')
    const bar = await screen.findByRole('status', { name: 'Undo' })
    await waitFor(() => expect(bar.textContent).toContain('Closing #1 Disk full'))
    await user.click(within(bar).getByRole('button', { name: /^Undo/ }))
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Undo' })).toBeNull())
    const commands = await t.services.outbox.commands.toArray()
    expect(commands.map((c) => [c.kind, c.state])).toEqual([['alerts:close', 'cancelled']])
    expect(t.fake.callsTo('alerts:close')).toEqual([])
  })

  it('`u` undoes the newest held close from the keyboard', async () => {
    const { t, user } = await withSelectedAlert(60_000)
    await user.keyboard('c')
    await screen.findByRole('status', { name: 'Undo' })
    await user.keyboard('u')
    await waitFor(async () =>
      expect((await t.services.outbox.commands.toArray()).map((c) => c.state)).toEqual([
        'cancelled',
      ]),
    )
    expect(t.fake.callsTo('alerts:close')).toEqual([])
  })

  it('without Undo the close goes out when the hold ends, and the bar goes with it', async () => {
    const { t, user } = await withSelectedAlert(300)
    await user.keyboard('c')
    await screen.findByRole('status', { name: 'Undo' })
    expect(t.fake.callsTo('alerts:close')).toEqual([])
    await waitFor(() => expect(t.fake.callsTo('alerts:close')).toHaveLength(1))
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Undo' })).toBeNull())
  })
})
