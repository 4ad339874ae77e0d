// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { AlertsView } from '../../../src/renderer/src/alerts/AlertsView'
import { ok } from '../app/support/fake-api'
import { activityRow, alertRow } from '../app/support/fixtures'
import { harness } from '../app/support/render'

beforeEach(() => {
  useAlertViewStore.getState().reset()
  // filters travel in the page's address (deep link): each test starts from a plain one
  window.history.replaceState(null, '', '/')
})
afterEach(cleanup)

const alertRows = (): Element[] => Array.from(document.querySelectorAll('[data-alert-id]'))

describe('AlertsView', () => {
  it('renders 10,000 cached alerts as a window of rows, most urgent first', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut(Array.from({ length: 10_000 }, (_, n) => alertRow(n)))
    t.render(<AlertsView fallbackHeight={440} />)
    await screen.findByText('10000 alerts')
    const rows = alertRows()
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(40)
    const listbox = screen.getByRole('listbox')
    expect(listbox.getAttribute('aria-label')).toBe('Alerts, 10000')
    expect(rows[0]?.textContent).toContain('P1')
    expect(rows[0]?.getAttribute('data-urgent')).toBe('true')
  })

  it('filters by priority and acknowledged, and searches', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', message: 'Checkout latency high' }),
      alertRow(2, { priority: 'P2', message: 'Disk full', tags: ['db-primary'] }),
      alertRow(3, { priority: 'P3', message: 'Cert expiring', acknowledged: true }),
      alertRow(4, { priority: 'P1', message: 'Gone', status: 'closed' }),
    ])
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await screen.findByText('3 alerts')

    await user.click(screen.getByRole('button', { name: 'P1' }))
    await waitFor(() =>
      expect(alertRows().map((r) => r.getAttribute('data-alert-id'))).toEqual(['alert-1']),
    )
    await user.click(screen.getByRole('button', { name: 'P1' }))

    await user.selectOptions(screen.getByLabelText('Acknowledged'), 'yes')
    await waitFor(() =>
      expect(alertRows().map((r) => r.getAttribute('data-alert-id'))).toEqual(['alert-3']),
    )
    await user.selectOptions(screen.getByLabelText('Acknowledged'), 'any')

    await user.type(screen.getByLabelText('Search alerts'), 'db-primary')
    await waitFor(() =>
      expect(alertRows().map((r) => r.getAttribute('data-alert-id'))).toEqual(['alert-2']),
    )

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await user.selectOptions(screen.getByLabelText('Status'), 'closed')
    await waitFor(() =>
      expect(alertRows().map((r) => r.getAttribute('data-alert-id'))).toEqual(['alert-4']),
    )
  })

  it('shows the selected alert and its timeline, and acknowledges it through the gateway', async () => {
    const t = await harness({
      'alerts:acknowledge': () => ok({ status: 'accepted', requestId: 'req-9' }),
      'requests:status': () => ok({ status: 'confirmed', requestId: 'req-9' }),
    })
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', message: 'Checkout latency high', owner: 'ada' }),
    ])
    await t.db.activity.bulkPut([
      activityRow('alert-1', 1, { kind: 'created', action: 'Create', actor: 'monitor' }),
    ])
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await waitFor(() => expect(alertRows()).toHaveLength(1))
    await user.click(alertRows()[0] as HTMLElement)

    const detail = await screen.findByRole('article')
    expect(within(detail).getByRole('heading', { name: 'Checkout latency high' })).toBeTruthy()
    await within(detail).findByText('monitor')
    await user.click(within(detail).getByRole('button', { name: 'Acknowledge' }))
    // the outcome line's words are the outbox's (describeState); its phase is the command state
    await waitFor(() =>
      expect(detail.querySelector('.action-outcome')?.getAttribute('data-phase')).toBe('confirmed'),
    )
    expect(t.fake.callsTo('alerts:acknowledge')).toEqual([
      { workspaceId: t.workspaceId, alertId: 'alert-1', requestPriority: 'replay' },
    ])
  })

  it('publishes the visible order for j/k and opens the note form on request', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([alertRow(1, { priority: 'P2' }), alertRow(2, { priority: 'P1' })])
    t.render(<AlertsView />)
    await waitFor(() =>
      expect(useAlertViewStore.getState().visibleIds).toEqual(['alert-2', 'alert-1']),
    )
    act(() => useAlertViewStore.getState().moveSelection(1))
    await screen.findByRole('article')
    act(() => useAlertViewStore.getState().setOpenForm('addNote'))
    expect(await screen.findByRole('form', { name: 'Add note' })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('Note'))
  })

  it('lets the keyboard move the selection through the listbox', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([alertRow(1, { priority: 'P1' }), alertRow(2, { priority: 'P2' })])
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await waitFor(() => expect(alertRows()).toHaveLength(2))
    screen.getByRole('listbox').focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(useAlertViewStore.getState().selectedId).toBe('alert-2')
    expect(
      within(screen.getByRole('listbox')).getByRole('option', { selected: true }).dataset.alertId,
    ).toBe('alert-2')
  })
})

describe('AlertsView, an alert whose Delete is not confirmed yet', () => {
  it('stays listed, struck through, saying the deletion is being checked or unconfirmed', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([
      { ...alertRow(1, { message: 'Checking with Opsgenie' }), deletion: 'pending' },
      { ...alertRow(2, { message: 'Opsgenie unreachable' }), deletion: 'unconfirmed' },
      alertRow(3, { message: 'Not being deleted' }),
    ])
    t.render(<AlertsView />)
    await screen.findByText('3 alerts')
    const byId = (id: string): Element =>
      document.querySelector(`[data-alert-id="${id}"]`) as Element
    expect(within(byId('alert-1') as HTMLElement).getByText('Deleting…')).toBeTruthy()
    expect(byId('alert-1').getAttribute('data-deletion')).toBe('pending')
    expect(within(byId('alert-2') as HTMLElement).getByText('Deletion unconfirmed')).toBeTruthy()
    expect(byId('alert-2').getAttribute('title')).toMatch(/stays shown until confirmed/)
    expect(byId('alert-3').classList.contains('alert-row--deleting')).toBe(false)
    expect(byId('alert-3').hasAttribute('data-deletion')).toBe(false)
  })
})
