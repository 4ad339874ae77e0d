// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ActionForm } from '../../../src/renderer/src/alerts/ActionForm'
import type { PickDirectory } from '../../../src/renderer/src/alerts/action-forms'
import type { AlertActionRequest } from '../../../src/renderer/src/alerts/alert-actions'

afterEach(cleanup)

const directory: PickDirectory = {
  teams: ['Payments', 'Platform'],
  users: [{ username: 'grace@example.com', fullName: 'Grace Hopper' }],
  schedules: ['Platform_schedule'],
  escalations: ['Platform_escalation', 'Security_escalation'],
}

function setup(action: 'escalate' | 'addResponder', dir: PickDirectory | null = directory) {
  const onSubmit = vi.fn<(request: AlertActionRequest) => void>()
  render(
    <ActionForm
      action={action}
      alertId="alert-7"
      currentPriority="P2"
      {...(dir !== null ? { directory: dir } : {})}
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  )
  return { onSubmit, user: userEvent.setup() }
}

const optionsOf = (label: string): string[] =>
  [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.text)

describe('ActionForm pickers', () => {
  it('escalates to an escalation picked from the cache, not a typed name', async () => {
    const { onSubmit, user } = setup('escalate')
    const picker = screen.getByLabelText('Escalation')
    expect(picker.tagName).toBe('SELECT')
    expect(optionsOf('Escalation')).toEqual([
      'Choose…',
      'Platform_escalation',
      'Security_escalation',
    ])
    await user.click(screen.getByRole('button', { name: 'Escalate' }))
    expect(screen.getByRole('alert').textContent).toBe('Choose an escalation')
    await user.selectOptions(picker, 'Security_escalation')
    // the stale error goes once the field is filled in
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Escalate' }))
    expect(onSubmit).toHaveBeenCalledWith({
      action: 'escalate',
      alertId: 'alert-7',
      args: { escalation: { name: 'Security_escalation' } },
    })
  })

  it('adds a responder picked by type: teams, users (by name), schedules, escalations', async () => {
    const { onSubmit, user } = setup('addResponder')
    expect(optionsOf('Responder')).toEqual(['Choose…', 'Grace Hopper (grace@example.com)'])
    await user.selectOptions(screen.getByLabelText('Responder'), 'grace@example.com')
    await user.selectOptions(screen.getByLabelText('Responder type'), 'team')
    // a user is not a team: the pick resets with the type
    expect((screen.getByLabelText('Responder') as HTMLSelectElement).value).toBe('')
    expect(optionsOf('Responder')).toEqual(['Choose…', 'Payments', 'Platform'])
    await user.selectOptions(screen.getByLabelText('Responder'), 'Payments')
    await user.click(screen.getByRole('button', { name: 'Add responder' }))
    expect(onSubmit).toHaveBeenCalledWith({
      action: 'addResponder',
      alertId: 'alert-7',
      args: { responder: { type: 'team', name: 'Payments' } },
    })
    await user.selectOptions(screen.getByLabelText('Responder type'), 'schedule')
    expect(optionsOf('Responder')).toEqual(['Choose…', 'Platform_schedule'])
  })

  it('lets the responder type a name while the directory is not cached', async () => {
    const { onSubmit, user } = setup('escalate', null)
    expect(screen.getByLabelText('Escalation').tagName).toBe('INPUT')
    await user.type(screen.getByLabelText('Escalation'), 'Ops_escalation')
    await user.click(screen.getByRole('button', { name: 'Escalate' }))
    expect(onSubmit).toHaveBeenCalledWith({
      action: 'escalate',
      alertId: 'alert-7',
      args: { escalation: { name: 'Ops_escalation' } },
    })
  })
})
