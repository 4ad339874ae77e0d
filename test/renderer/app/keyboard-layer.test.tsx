// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { alertRow } from './support/fixtures'
import { openWorkspace } from './support/open-workspace'

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

/** Two open alerts in the cache: the P1 sorts first, the P2 second. */
async function withTwoAlerts() {
  const opened = await openWorkspace()
  await opened.t.db.alerts.bulkPut([
    alertRow(1, { priority: 'P1', message: 'First alert' }),
    alertRow(2, { priority: 'P2', message: 'Second alert' }),
  ])
  await screen.findByText('Second alert')
  await waitFor(() =>
    expect(useAlertViewStore.getState().visibleIds).toEqual(['alert-1', 'alert-2']),
  )
  return opened
}

const selected = (): string | undefined => useAlertViewStore.getState().selectedId

describe('keyboard', () => {
  it('j/k move the selection; a and c act on it through the action path', async () => {
    const { t, user } = await withTwoAlerts()
    await user.keyboard('j')
    expect(selected()).toBe('alert-1')
    await user.keyboard('j')
    expect(selected()).toBe('alert-2')
    await user.keyboard('k')
    expect(selected()).toBe('alert-1')
    await user.keyboard('a')
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:acknowledge')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
      ]),
    )
    // needs-action order: the acknowledged P1 now sorts below the open P2, one row up
    await waitFor(() =>
      expect(useAlertViewStore.getState().visibleIds).toEqual(['alert-2', 'alert-1']),
    )
    await user.keyboard('kc')
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:close')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-2', requestPriority: 'replay' },
      ]),
    )
  })

  it('Enter focuses the detail, n opens the note form, Escape closes it, / focuses search', async () => {
    const { user } = await withTwoAlerts()
    await user.keyboard('j')
    await screen.findByRole('heading', { name: /First alert/ })
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement?.id).toBe('alert-detail-title'))
    await user.keyboard('n')
    expect(useAlertViewStore.getState().openForm).toBe('addNote')
    // typing in the note does not trigger shortcuts
    const note = await screen.findByRole('textbox', { name: /note/i })
    await user.type(note, 'jack')
    expect(selected()).toBe('alert-1')
    expect(useAlertViewStore.getState().openForm).toBe('addNote')
    await user.keyboard('{Escape}')
    expect(useAlertViewStore.getState().openForm).toBeUndefined()
    await user.keyboard('/')
    await waitFor(() => expect(document.activeElement?.id).toBe('alert-search'))
  })

  it('without a selection, a does nothing', async () => {
    const { t, user } = await withTwoAlerts()
    await user.keyboard('a')
    expect(t.fake.callsTo('alerts:acknowledge')).toEqual([])
  })
})

describe('command palette', () => {
  it('Ctrl+K opens it with the selected alert actions; Enter runs the chosen one', async () => {
    const { t, user } = await withTwoAlerts()
    await user.keyboard('j')
    await user.keyboard('{Control>}k{/Control}')
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' })
    const labels = screen.getAllByRole('option').map((o) => o.textContent)
    for (const label of [
      'Acknowledge',
      'Close',
      'Add note…',
      'Assign…',
      'Add responder…',
      'Escalate…',
      'Snooze…',
      'Change priority…',
    ])
      expect(labels.some((text) => text?.includes(`Alert #1: ${label}`))).toBe(true)
    for (const view of ['Alerts', 'Incidents', 'Services', 'On call', 'Settings', 'Diagnostics'])
      expect(labels).toContain(`Go to: ${view}`)
    await user.keyboard('ack')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(dialog.isConnected).toBe(false))
    await waitFor(() =>
      expect(t.fake.callsTo('alerts:acknowledge')).toEqual([
        { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
      ]),
    )
  })

  it('navigates to a view and toggles the theme', async () => {
    const { user } = await withTwoAlerts()
    document.documentElement.dataset.theme = 'light'
    await user.keyboard('{Control>}k{/Control}')
    await screen.findByRole('dialog', { name: 'Command palette' })
    await user.keyboard('on call{Enter}')
    expect(useNavigationStore.getState().view).toBe('on-call')
    await user.keyboard('{Control>}k{/Control}')
    await user.keyboard('dark theme{Enter}')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })
})
