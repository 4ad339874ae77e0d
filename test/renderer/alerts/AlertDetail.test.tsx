// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AlertActionRequest } from '../../../src/renderer/src/alerts/alert-actions'
import { AlertDetail } from '../../../src/renderer/src/alerts/AlertDetail'
import { activityRow, alertRow } from '../app/support/fixtures'

afterEach(cleanup)

const alert = alertRow(7, {
  priority: 'P2',
  message: 'Disk 91% full on db-primary-1',
  owner: 'ada',
  responders: [{ type: 'team', name: 'Platform' }],
  tags: ['disk'],
})
const timeline = [
  activityRow('alert-7', 1, { kind: 'created', action: 'Create', actor: 'monitor' }),
  activityRow('alert-7', 2, {
    kind: 'note',
    action: 'AddNote',
    actor: 'ada',
    text: 'looking into it',
  }),
]

function setup(extra: Partial<Parameters<typeof AlertDetail>[0]> = {}) {
  const onAction = vi.fn<(request: AlertActionRequest) => void>()
  render(<AlertDetail alert={alert} timeline={timeline} onAction={onAction} {...extra} />)
  return { onAction, user: userEvent.setup() }
}

describe('AlertDetail', () => {
  it('shows fields, responders and the timeline in order with who did what', () => {
    setup()
    expect(screen.getByRole('heading', { name: 'Disk 91% full on db-primary-1' })).toBeTruthy()
    expect(screen.getByText('Platform (team)')).toBeTruthy()
    const entries = within(screen.getByRole('list', { name: 'Alert timeline' })).getAllByRole(
      'listitem',
    )
    const withoutTime = (e: HTMLElement): string =>
      (e.textContent ?? '').replace(`${e.querySelector('time')?.textContent ?? ''} `, '')
    expect(entries.map(withoutTime)).toEqual([
      'monitor created',
      'ada added a note: looking into it',
    ])
  })

  it('fires the quick actions', async () => {
    const { onAction, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Acknowledge' }))
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(onAction.mock.calls.map((c) => c[0])).toEqual([
      { action: 'acknowledge', alertId: 'alert-7', args: {} },
      { action: 'close', alertId: 'alert-7', args: {} },
    ])
  })

  it('asks for a note before sending it', async () => {
    const { onAction, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Add note' }))
    const form = screen.getByRole('form', { name: 'Add note' })
    await user.click(within(form).getByRole('button', { name: 'Add note' }))
    expect(within(form).getByRole('alert').textContent).toBe('A note is required')
    expect(onAction).not.toHaveBeenCalled()
    await user.type(within(form).getByLabelText('Note'), 'rolled back')
    await user.click(within(form).getByRole('button', { name: 'Add note' }))
    expect(onAction).toHaveBeenCalledWith({
      action: 'addNote',
      alertId: 'alert-7',
      args: { note: 'rolled back' },
    })
    expect(screen.queryByRole('form', { name: 'Add note' })).toBeNull()
  })

  it('builds assign, responder, escalate, snooze and priority requests', async () => {
    const { onAction, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Assign' }))
    await user.type(screen.getByLabelText('Owner username'), 'grace')
    await user.click(
      within(screen.getByRole('form', { name: 'Assign' })).getByRole('button', { name: 'Assign' }),
    )

    await user.click(screen.getByRole('button', { name: 'Add responder' }))
    await user.selectOptions(screen.getByLabelText('Responder type'), 'team')
    await user.type(screen.getByLabelText('Responder'), 'Payments')
    await user.click(
      within(screen.getByRole('form', { name: 'Add responder' })).getByRole('button', {
        name: 'Add responder',
      }),
    )

    await user.click(screen.getByRole('button', { name: 'Escalate' }))
    await user.type(screen.getByLabelText('Escalation'), 'Platform_escalation')
    await user.click(
      within(screen.getByRole('form', { name: 'Escalate' })).getByRole('button', {
        name: 'Escalate',
      }),
    )

    const before = Date.now()
    await user.click(screen.getByRole('button', { name: 'Snooze' }))
    await user.selectOptions(screen.getByLabelText('Snooze for'), '15')
    await user.click(
      within(screen.getByRole('form', { name: 'Snooze' })).getByRole('button', { name: 'Snooze' }),
    )

    await user.click(screen.getByRole('button', { name: 'Change priority' }))
    expect((screen.getByLabelText('New priority') as HTMLSelectElement).value).toBe('P2')
    await user.selectOptions(screen.getByLabelText('New priority'), 'P1')
    await user.click(
      within(screen.getByRole('form', { name: 'Change priority' })).getByRole('button', {
        name: 'Change priority',
      }),
    )

    const requests = onAction.mock.calls.map((c) => c[0])
    expect(requests.slice(0, 3)).toEqual([
      { action: 'assign', alertId: 'alert-7', args: { owner: { username: 'grace' } } },
      {
        action: 'addResponder',
        alertId: 'alert-7',
        args: { responder: { type: 'team', name: 'Payments' } },
      },
      {
        action: 'escalate',
        alertId: 'alert-7',
        args: { escalation: { name: 'Platform_escalation' } },
      },
    ])
    const snooze = requests[3]
    expect(snooze?.action).toBe('snooze')
    const end = snooze?.action === 'snooze' ? Date.parse(snooze.args.endTime) : 0
    expect(end - before).toBeGreaterThanOrEqual(15 * 60_000)
    expect(end - before).toBeLessThan(16 * 60_000)
    expect(requests[4]).toEqual({
      action: 'setPriority',
      alertId: 'alert-7',
      args: { priority: 'P1' },
    })
  })

  it('offers Unacknowledge on an acknowledged alert and says why an action was not queued', () => {
    setup({
      alert: { ...alert, acknowledged: true },
      refusal: { action: 'close', message: 'the outbox database is closed', at: 1 },
    })
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Unacknowledge' })).toBeTruthy()
    expect(screen.getByText('Close: failed (the outbox database is closed)')).toBeTruthy()
  })

  it('disables actions and says why when the key is read-only', () => {
    setup({ readOnlyReason: 'team key without update rights' })
    for (const name of ['Acknowledge', 'Close', 'Add note', 'Change priority']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true)
    }
    expect(screen.getByText('Read-only: team key without update rights')).toBeTruthy()
  })
})
