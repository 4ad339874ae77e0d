// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { AlertsView } from '../../../src/renderer/src/alerts/AlertsView'
import { ALERT_PREFERENCE_KEYS } from '../../../src/renderer/src/alerts/saved-views'
import { ok } from '../app/support/fake-api'
import { activityRow, alertRow } from '../app/support/fixtures'
import { harness } from '../app/support/render'

beforeEach(() => {
  useAlertViewStore.getState().reset()
  window.history.replaceState(null, '', '/')
})
afterEach(cleanup)

const TEAM_ID = '4f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f'
const USER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
const ESC_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

const ids = (): (string | null)[] =>
  Array.from(document.querySelectorAll('[data-alert-id]')).map((r) =>
    r.getAttribute('data-alert-id'),
  )
const row = (id: string): HTMLElement =>
  document.querySelector(`[data-alert-id="${id}"]`) as HTMLElement

describe('AlertsView reading the screen (issue 17)', () => {
  it('item 7: names teams, responders, escalations and the owner, never their ids', async () => {
    const t = await harness()
    await t.db.teams.put({ id: TEAM_ID, name: 'Security' })
    await t.db.users.put({ id: USER_ID, username: 'ada@example.com', fullName: 'Ada Lovelace' })
    await t.db.escalations.put({ id: ESC_ID, name: 'Security escalation', rules: [] })
    await t.db.alerts.put(
      alertRow(1, {
        message: 'Login failures',
        owner: 'ada@example.com',
        teams: [TEAM_ID],
        responders: [
          { type: 'team', id: TEAM_ID },
          { type: 'escalation', id: ESC_ID },
          { type: 'user', id: USER_ID },
          { type: 'schedule', id: '11111111-2222-4333-8444-555555555555' },
        ],
      }),
    )
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await waitFor(() => expect(ids()).toEqual(['alert-1']))
    await waitFor(() => expect(row('alert-1').textContent).toContain('Ada Lovelace'))
    await user.click(row('alert-1'))
    const detail = await screen.findByRole('article')
    await within(detail).findByText('Security (team)')
    expect(within(detail).getByText('Security escalation (escalation)')).toBeTruthy()
    expect(within(detail).getByText('Ada Lovelace (user)')).toBeTruthy()
    expect(within(detail).getByText('Unknown schedule (schedule)')).toBeTruthy()
    expect(within(detail).getByText('Ada Lovelace (ada@example.com)')).toBeTruthy()
    expect(within(detail).getByText('Security')).toBeTruthy()
    expect(detail.textContent).not.toMatch(UUID)
  })

  it('item 8: needs action first, acknowledged and snoozed toned down, ages relative', async () => {
    const t = await harness()
    const ago = (ms: number): string => new Date(Date.now() - ms).toISOString()
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', acknowledged: true, createdAt: ago(60_000) }),
      alertRow(2, { priority: 'P2', createdAt: ago((2 * 60 + 14) * 60_000 + 10_000) }),
      alertRow(3, {
        priority: 'P1',
        snoozed: true,
        snoozedUntil: new Date(Date.now() + 3_600_000).toISOString(),
        createdAt: ago(120_000),
      }),
    ])
    t.render(<AlertsView />)
    await waitFor(() => expect(ids()).toEqual(['alert-2', 'alert-1', 'alert-3']))
    expect(row('alert-2').classList.contains('alert-row--quiet')).toBe(false)
    expect(row('alert-1').classList.contains('alert-row--quiet')).toBe(true)
    expect(row('alert-3').classList.contains('alert-row--quiet')).toBe(true)
    expect(within(row('alert-3')).getByText('Snoozed')).toBeTruthy()
    const age = row('alert-2').querySelector('time') as HTMLElement
    expect(age.textContent).toBe('2 h 14 m')
    expect(age.getAttribute('title')).toMatch(/^Created \w{3} \d+ \w{3} \d{4} \d\d:\d\d:\d\d$/)
    expect((screen.getByLabelText('Sort') as HTMLSelectElement).value).toBe('needs-action')
  })

  it('item 9: filters survive a reload (preference) and travel in the address', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', message: 'disk full' }),
      alertRow(2, { priority: 'P3', message: 'disk slow' }),
      alertRow(3, { priority: 'P2', message: 'cpu hot' }),
    ])
    const user = userEvent.setup()
    const first = t.render(<AlertsView />)
    await waitFor(() => expect(ids()).toHaveLength(3))
    await user.click(screen.getByRole('button', { name: 'P1' }))
    await user.type(screen.getByLabelText('Search alerts'), 'disk')
    await waitFor(() => expect(ids()).toEqual(['alert-1']))
    await waitFor(() => expect(window.location.hash).toBe('#alerts?p=P1&q=disk'))
    await waitFor(async () =>
      expect(
        (await t.services.settings.preferences.get(ALERT_PREFERENCE_KEYS.alertView))?.value,
      ).toMatchObject({ filters: { priorities: ['P1'] }, search: 'disk' }),
    )

    // a reload: a fresh store and page; the preference brings the filters back
    first.unmount()
    act(() => useAlertViewStore.getState().reset())
    window.history.replaceState(null, '', '/')
    t.render(<AlertsView />)
    await waitFor(() => expect(ids()).toEqual(['alert-1']))
    expect((screen.getByLabelText('Search alerts') as HTMLInputElement).value).toBe('disk')

    // a pasted deep link wins
    act(() => {
      window.location.hash = '#alerts?p=P2'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await waitFor(() => expect(ids()).toEqual(['alert-3']))
  })

  it('item 9: a compact bar with saved views: built in and the responder own', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', owner: 'ada' }),
      alertRow(2, { priority: 'P3' }),
    ])
    const user = userEvent.setup()
    t.render(<AlertsView />, { username: 'ada' })
    await waitFor(() => expect(ids()).toHaveLength(2))
    const views = screen.getByLabelText('Saved views') as HTMLSelectElement
    expect(views.value).toBe('All open')
    await user.selectOptions(views, 'My queue')
    await waitFor(() => expect(ids()).toEqual(['alert-1']))
    expect(screen.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await user.click(screen.getByRole('button', { name: 'P3' }))
    await user.selectOptions(screen.getByLabelText('Saved views'), 'Save current filters as…')
    await user.type(screen.getByLabelText('View name'), 'Low noise{Enter}')
    await waitFor(() =>
      expect((screen.getByLabelText('Saved views') as HTMLSelectElement).value).toBe('Low noise'),
    )
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await user.selectOptions(screen.getByLabelText('Saved views'), 'Low noise')
    await waitFor(() => expect(ids()).toEqual(['alert-2']))
    // search and every filter in one row: no field labels stacked above the controls
    expect(document.querySelectorAll('.filter-bar label, .filter-bar legend')).toHaveLength(0)
  })

  it('says "1 alert", and says so when the filters hide the open alert', async () => {
    const t = await harness()
    await t.db.alerts.bulkPut([alertRow(1, { priority: 'P1' }), alertRow(2, { priority: 'P2' })])
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await screen.findByText('2 alerts')
    await user.click(row('alert-2'))
    await screen.findByRole('article')
    await user.click(screen.getByRole('button', { name: 'P1' }))
    await screen.findByText('1 alert')
    const notice = await screen.findByTestId('detail-hidden')
    expect(notice.textContent).toMatch(/#2 is not in the list: the current filters hide it/)
    await user.click(within(notice).getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(ids()).toHaveLength(2))
    expect(screen.queryByTestId('detail-hidden')).toBeNull()
  })

  it('an acknowledgement sent from here reads "You" on the timeline, not "API"', async () => {
    const t = await harness({
      'alerts:acknowledge': () => ok({ status: 'accepted', requestId: 'req-1' }),
      'requests:status': () => ok({ status: 'confirmed', requestId: 'req-1' }),
    })
    await t.db.alerts.put(alertRow(1, { priority: 'P1' }))
    const user = userEvent.setup()
    t.render(<AlertsView />, { username: 'ada' })
    await waitFor(() => expect(ids()).toHaveLength(1))
    await user.click(row('alert-1'))
    const detail = await screen.findByRole('article')
    await user.click(within(detail).getByRole('button', { name: 'Acknowledge' }))
    await waitFor(() =>
      expect(detail.querySelector('.action-outcome')?.getAttribute('data-phase')).toBe('confirmed'),
    )
    await t.db.activity.put(
      activityRow('alert-1', 1, {
        kind: 'acknowledged',
        action: 'Acknowledge',
        actor: 'API',
        at: `${Date.now()}000000`,
      }),
    )
    const entry = await within(detail).findByText('acknowledged')
    expect(entry.closest('li')?.querySelector('.timeline__who')?.textContent).toBe('You')
  })

  it('a snoozed alert says snoozed in the detail, not open', async () => {
    const t = await harness()
    await t.db.alerts.put(
      alertRow(1, {
        snoozed: true,
        snoozedUntil: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    )
    const user = userEvent.setup()
    t.render(<AlertsView />)
    await waitFor(() => expect(ids()).toHaveLength(1))
    await user.click(row('alert-1'))
    const detail = await screen.findByRole('article')
    expect(within(detail).getByText(/^Open, snoozed until \d/)).toBeTruthy()
  })
})
