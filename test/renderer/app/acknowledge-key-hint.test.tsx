// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { useRingingRegistry } from '../../../src/renderer/src/notifications/ringing-registry'
import { alertRow } from './support/fixtures'
import { alertEvent, openWorkspace } from './support/open-workspace'

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
  useRingingRegistry.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** The selected alert's Acknowledge button in the detail's toolbar. */
const acknowledgeButton = (): HTMLElement =>
  within(screen.getByRole('toolbar', { name: 'Alert actions' })).getByRole('button', {
    name: 'Acknowledge',
  })

const EMOJI = /\p{Extended_Pictographic}/u

describe("the selected alert's Acknowledge shows the key that acknowledges it now", () => {
  it('no key while another alert rings; `A` when it is what rings, and again once nothing rings', async () => {
    const { t } = await openWorkspace(
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
    await screen.findByRole('alert', { name: /ringing:/ })

    act(() => useAlertViewStore.getState().select('alert-2'))
    await waitFor(() => expect(acknowledgeButton().closest('section')?.textContent).toBeTruthy())
    // `a` would acknowledge the ringing P1, so the P2's button teaches no key
    await waitFor(() => expect(acknowledgeButton().querySelector('kbd')).toBeNull())
    expect(acknowledgeButton().hasAttribute('aria-keyshortcuts')).toBe(false)

    act(() => useAlertViewStore.getState().select('alert-1'))
    await waitFor(() => expect(acknowledgeButton().querySelector('kbd')?.textContent).toBe('A'))
    expect(acknowledgeButton().getAttribute('aria-keyshortcuts')).toBe('A')

    // the P1 is acknowledged (Opsgenie's answer arrives): nothing rings, `a` is the P2's again
    act(() =>
      t.fake.emit(
        'intake:event',
        alertEvent(t.workspaceId, {
          ...alertRow(1, { priority: 'P1', message: 'Payments down', acknowledged: true }),
          updatedAt: '2026-11-28T00:00:00.000Z',
        }),
      ),
    )
    await waitFor(() => expect(screen.queryByRole('alert', { name: /ringing:/ })).toBeNull())
    act(() => useAlertViewStore.getState().select('alert-2'))
    await waitFor(() => expect(acknowledgeButton().querySelector('kbd')?.textContent).toBe('A'))
  })

  it('the command palette agrees: no shortcut on the selected alert while another rings', async () => {
    const { user } = await openWorkspace(
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
    await screen.findByRole('alert', { name: /ringing:/ })
    act(() => useAlertViewStore.getState().select('alert-2'))
    await waitFor(() => acknowledgeButton())
    await user.keyboard('{Control>}k{/Control}')
    const palette = await screen.findByRole('dialog')
    const ack = within(palette).getByRole('option', { name: 'Alert #2: Acknowledge' })
    expect(ack.querySelector('kbd')).toBeNull()
    expect(ack.hasAttribute('aria-keyshortcuts')).toBe(false)
  })
})

describe('the alarm draws its bell, never an emoji glyph', () => {
  it('the banner and the header count hold an inline SVG and no emoji character', async () => {
    await openWorkspace(
      {},
      {
        before: (t) =>
          t.db.alerts
            .put(alertRow(1, { priority: 'P1', message: 'Payments down' }))
            .then(() => undefined),
      },
    )
    const banner = await screen.findByRole('alert', { name: /ringing:/ })
    const count = screen.getByRole('status', { name: '1 ringing, unacknowledged' })
    for (const element of [banner, count]) {
      expect(element.querySelector('svg[data-icon="alarm"][aria-hidden="true"]')).not.toBeNull()
      expect(element.textContent).not.toMatch(EMOJI)
    }
    expect(count.textContent?.trim()).toBe('1 ringing')
    expect(document.body.textContent).not.toMatch(EMOJI)
  })
})
