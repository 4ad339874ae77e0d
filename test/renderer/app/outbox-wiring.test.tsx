// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import type { ActionOutcome } from '../../../src/shared/provider/outcome'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { ok } from './support/fake-api'
import { alertEvent, openWorkspace, type OpenedWorkspace } from './support/open-workspace'

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

const OFFLINE: ActionOutcome = { status: 'offline', message: 'no network' }
const CONFIRMED: ActionOutcome = { status: 'confirmed' }

const p3: Alert = {
  id: 'alert-1',
  tinyId: '1',
  alias: 'disk-full',
  message: 'Disk full on db-7',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
}

/** Pushes the alert through intake and opens its detail. */
async function showAlert(w: OpenedWorkspace): Promise<HTMLElement> {
  act(() => w.t.fake.emit('intake:event', alertEvent(w.t.workspaceId, p3)))
  const row = await screen.findByRole('option', { name: /Disk full on db-7/ })
  await w.user.click(row)
  return screen.findByRole('article')
}

const outcome = (detail: HTMLElement): string =>
  within(detail).getByRole('status').textContent ?? ''
const rowText = (): string =>
  screen.getByRole('option', { name: /Disk full on db-7/ }).textContent ?? ''
const queuedText = (): string => screen.getByTestId('status-queued').textContent ?? ''

async function goTo(w: OpenedWorkspace, view: string): Promise<void> {
  const nav = screen.getByRole('navigation', { name: 'Views' })
  await w.user.click(within(nav).getByRole('button', { name: view }))
}

describe('alert actions go through the outbox', () => {
  it('an acknowledgement made offline is queued on disk, shown applied and counted, then sent once online', async () => {
    let answer: ActionOutcome = OFFLINE
    const w = await openWorkspace(
      { 'alerts:acknowledge': () => ok(answer) },
      {
        outboxSettings: {
          backoffBaseMs: 20,
          backoffCapMs: 40,
          reconcileAfterMs: 20,
          undoHoldMs: 0,
        },
      },
    )
    const detail = await showAlert(w)
    await w.user.click(within(detail).getByRole('button', { name: 'Acknowledge' }))

    // "queued" only once the command is in the outbox database
    const shown = (): string =>
      detail.querySelector('.action-outcome')?.getAttribute('data-command-id') ?? ''
    await waitFor(() => expect(shown()).not.toBe(''))
    const commandId = shown()
    const stored = await w.t.services.outbox.commands.where('id').equals(commandId).first()
    expect(stored).toMatchObject({ kind: 'alerts:acknowledge', input: { alertId: 'alert-1' } })

    await waitFor(() => expect(outcome(detail)).toBe('Acknowledge: Waiting for the network'))
    // the cache still says open and unacknowledged; the view shows the pending command applied
    expect((await w.t.db.alerts.get('alert-1'))?.acknowledged).toBe(false)
    expect(rowText()).toContain('Acknowledged')
    expect(within(detail).getByText('Open, acknowledged')).toBeTruthy()
    await waitFor(() => expect(queuedText()).toBe('Offline: 1 action waiting'))
    await waitFor(() => expect(w.trayQueued.at(-1)).toBe(1))
    // the intake still says live, but the outbox's send found no network: not "Live" (item 10)
    await waitFor(() => expect(screen.getByTestId('status-health').dataset.health).toBe('offline'))
    expect(screen.getByTestId('status-health').textContent).toContain('Opsgenie unreachable')
    expect(screen.getByTestId('offline-banner').textContent).toMatch(
      /^Offline: 1 action queued, sent in order when the connection returns; data as of \d\d:\d\d/,
    )

    answer = CONFIRMED
    await waitFor(() => expect(outcome(detail)).toBe('Acknowledge: Sent'))
    expect(w.t.fake.callsTo('alerts:acknowledge').length).toBeGreaterThanOrEqual(2)
    await waitFor(() => expect(queuedText()).toBe('All sent'))
    await waitFor(() => expect(w.trayQueued.at(-1)).toBe(0))
    expect(screen.getByTestId('status-health').dataset.health).toBe('live')
    expect(screen.queryByTestId('offline-banner')).toBeNull()
  })

  it('a command refused for good is rolled back in the view, saying why', async () => {
    const w = await openWorkspace({
      'alerts:close': () =>
        ok({ status: 'rejected', kind: 'not-found', message: 'Alert does not exist' }),
    })
    const detail = await showAlert(w)
    await w.user.click(within(detail).getByRole('button', { name: 'Close' }))

    const why = await within(detail).findByRole('alert')
    expect(why.textContent).toContain('Close was not applied: Alert does not exist')
    expect(outcome(detail)).toBe('Close: Failed: Alert does not exist')
    // no longer applied: the alert is open again in the list and the detail
    expect(rowText()).toContain('Open')
    expect(within(detail).getByText('Open, not acknowledged')).toBeTruthy()
    await waitFor(() => expect(queuedText()).toBe('All sent'))
    // the failure shows in the status bar, and leads to the Outbox
    expect(screen.getByTestId('status-failed').textContent).toBe('1 action failed')
    await w.user.click(screen.getByTestId('status-failed'))
    expect(await screen.findByRole('region', { name: 'Outbox' })).toBeTruthy()
    // read there, it no longer nags in the status bar
    await waitFor(() => expect(screen.queryByTestId('status-failed')).toBeNull())
  })

  it('a queued note shows in the timeline with its marker sent, and can be cancelled in the Outbox view', async () => {
    const w = await openWorkspace(
      { 'alerts:addNote': () => ok(OFFLINE) },
      { outboxSettings: { backoffBaseMs: 60_000, backoffCapMs: 60_000 } },
    )
    const detail = await showAlert(w)
    await w.user.click(within(detail).getByRole('button', { name: 'Add note' }))
    const form = within(detail).getByRole('form', { name: 'Add note' })
    await w.user.type(within(form).getByLabelText('Note'), 'Restarted the pod')
    await w.user.click(within(form).getByRole('button', { name: 'Add note' }))

    const timeline = await within(detail).findByRole('list', { name: 'Alert timeline' })
    await waitFor(() =>
      expect(timeline.textContent).toContain('You added a note: Restarted the pod'),
    )
    await waitFor(() => expect(outcome(detail)).toBe('Add note: Waiting for the network'))
    const sent = w.t.fake.callsTo('alerts:addNote')[0] as { note: string }
    expect(sent.note).toMatch(/^Restarted the pod\s+\[ondeck:[0-9a-f-]+\]$/)

    await goTo(w, 'Outbox')
    const panel = await screen.findByRole('region', { name: 'Outbox' })
    const command = await within(panel).findByTestId('outbox-command')
    // the alert's number and title from the cache, a plain state and why, never an id
    await waitFor(() =>
      expect(command.textContent).toContain('Add note: #1 Disk full on db-7: "Restarted the pod"'),
    )
    expect(within(command).getByTestId('outbox-state').textContent).toBe('Waiting for the network')
    expect(command.textContent).toContain('Last try: no network')
    expect(command.textContent).not.toContain('alert-1')
    await w.user.click(within(command).getByRole('button', { name: 'Cancel' }))
    // cancelled is history: hidden until "Show sent"
    await waitFor(() => expect(within(panel).queryByTestId('outbox-command')).toBeNull())
    await w.user.click(within(panel).getByRole('checkbox', { name: /Show sent/ }))
    expect(within(panel).getByTestId('outbox-command').dataset.state).toBe('cancelled')
    await waitFor(() => expect(queuedText()).toBe('All sent'))

    await goTo(w, 'Alerts')
    const again = await screen.findByRole('article')
    expect(within(again).queryByText(/Restarted the pod/)).toBeNull()
  })

  it('a stale command waits for "send now" in the Outbox view, then is sent', async () => {
    let answer: ActionOutcome = OFFLINE
    const w = await openWorkspace(
      { 'alerts:acknowledge': () => ok(answer) },
      {
        outboxSettings: {
          confirmAfterMs: 40,
          expireAfterMs: 3_600_000,
          backoffBaseMs: 20,
          backoffCapMs: 40,
        },
      },
    )
    const detail = await showAlert(w)
    await w.user.click(within(detail).getByRole('button', { name: 'Acknowledge' }))
    await waitFor(() => expect(outcome(detail)).toMatch(/send it now\?$/))
    answer = CONFIRMED
    const sentBefore = w.t.fake.callsTo('alerts:acknowledge').length

    await goTo(w, 'Outbox')
    const panel = await screen.findByRole('region', { name: 'Outbox' })
    const command = await within(panel).findByTestId('outbox-command')
    expect(command.textContent).toMatch(/you did this \d+ minutes? ago; send it now\?/)
    await w.user.click(within(command).getByRole('button', { name: 'Send now' }))
    await waitFor(() => expect(within(panel).queryByTestId('outbox-command')).toBeNull())
    expect(w.t.fake.callsTo('alerts:acknowledge')).toHaveLength(sentBefore + 1)
  })
})
