// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SettingsView } from '../../../src/renderer/src/settings/SettingsView'
import { FULL_CAPABILITIES, ok, READ_ONLY_CAPABILITIES } from '../app/support/fake-api'
import { harness } from '../app/support/render'

afterEach(cleanup)

async function setup(handlers: Parameters<typeof harness>[0] = {}) {
  const t = await harness(handlers)
  const onOpen = vi.fn()
  const onRemoved = vi.fn()
  t.render(<SettingsView activeId={t.workspaceId} onOpen={onOpen} onRemoved={onRemoved} />)
  const form = await screen.findByRole('form', { name: 'Notification rules' })
  return { t, form, onOpen, onRemoved, user: userEvent.setup() }
}

describe('SettingsView', () => {
  it('refuses rules that would never notify or quiet hours that end when they start', async () => {
    const { t, form, user } = await setup()
    const notify = within(within(form).getByRole('group', { name: 'Notify for' }))
    const ring = within(within(form).getByRole('group', { name: 'Ring until acknowledged' }))
    for (const p of ['P1', 'P2', 'P3']) await user.click(notify.getByLabelText(p))
    await user.click(ring.getByLabelText('P1'))
    await user.click(within(form).getByLabelText('Quiet hours on'))
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '23:00' } })
    fireEvent.change(within(form).getByLabelText('Until'), { target: { value: '23:00' } })
    await user.click(within(form).getByRole('button', { name: 'Save notification rules' }))
    const errors = within(form)
      .getAllByRole('alert')
      .map((e) => e.textContent)
    expect(errors).toEqual([
      'Choose at least one priority, or nothing will ever notify',
      'Quiet hours must end at a different time than they start',
    ])
    expect(await t.services.settings.preferences.get('notificationSettings')).toBeUndefined()
  })

  it('saves valid rules where the notification center reads them', async () => {
    const { t, form, user } = await setup()
    const notify = within(within(form).getByRole('group', { name: 'Notify for' }))
    await user.click(notify.getByLabelText('P4'))
    await user.click(within(form).getByLabelText('Only mine'))
    await user.click(within(form).getByLabelText('Quiet hours on'))
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '23:30' } })
    await user.click(within(form).getByRole('button', { name: 'Save notification rules' }))
    await within(form).findByText('Saved.')
    const stored = (await t.services.settings.preferences.get('notificationSettings'))?.value
    expect(stored).toMatchObject({
      notifyPriorities: ['P1', 'P2', 'P3', 'P4'],
      ringPriorities: ['P1'],
      scope: 'mine',
      quietHours: { enabled: true, start: '23:30', end: '07:00' },
    })
  })

  it('switches the theme and applies it to the page', async () => {
    const { t, user } = await setup()
    await user.click(screen.getByLabelText('Dark'))
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'))
    expect((await t.services.settings.preferences.get('theme'))?.value).toBe('dark')
    await user.click(screen.getByLabelText('Light'))
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'))
  })

  it('validates and removes a saved workspace', async () => {
    let caps: typeof FULL_CAPABILITIES | typeof READ_ONLY_CAPABILITIES = READ_ONLY_CAPABILITIES
    const { t, onRemoved, user } = await setup({
      'workspace:connect': () => ok(caps),
      'workspace:deleteSecrets': () => ok({}),
    })
    await t.services.settings.workspaces.put({
      id: 'other',
      config: { id: 'other', name: 'Other', host: 'eu', demo: false },
      addedAt: 2,
    })
    const item = await screen.findByText(
      (_, el) => el?.getAttribute('data-workspace-id') === 'other',
    )
    await user.click(within(item).getByRole('button', { name: 'Validate Other' }))
    await within(item).findByText('Read-only: the key lacks the update permission')
    caps = FULL_CAPABILITIES
    await user.click(within(item).getByRole('button', { name: 'Validate Other' }))
    await within(item).findByText('Can act on alerts')

    await user.click(within(item).getByRole('button', { name: 'Remove Other' }))
    await user.click(within(item).getByRole('button', { name: 'Confirm remove Other' }))
    await waitFor(() => expect(onRemoved).toHaveBeenCalledWith('other'))
    expect(t.fake.callsTo('workspace:deleteSecrets')).toEqual([{ workspaceId: 'other' }])
    expect(await t.services.settings.workspaces.get('other')).toBeUndefined()
  })

  it('saves the username that "mine" means', async () => {
    const { t, user } = await setup()
    await t.services.settings.workspaces.put({
      id: 'w1',
      config: { id: 'w1', name: 'W1', host: 'us', demo: false },
      addedAt: 1,
    })
    const input = await screen.findByLabelText('Your username in W1')
    await user.type(input, 'ada')
    await user.click(screen.getByRole('button', { name: 'Save username' }))
    await waitFor(async () =>
      expect((await t.services.settings.workspaces.get('w1'))?.username).toBe('ada'),
    )
  })
})
