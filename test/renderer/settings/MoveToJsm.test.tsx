// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SettingsView } from '../../../src/renderer/src/settings/SettingsView'
import { FULL_CAPABILITIES, ok } from '../app/support/fake-api'
import { harness } from '../app/support/render'

afterEach(cleanup)

const TOKEN = 'atlassian-token-1'

describe('Settings: Move to Jira Service Management', () => {
  it('is offered on an Opsgenie workspace only, sends the token to the keychain and keeps the workspace id', async () => {
    const t = await harness({
      'workspace:setSecret': () => ok({}),
      'workspace:deleteSecrets': () => ok({}),
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'alerts:list': () => ok({ items: [] }),
      'directory:users': () => ok({ items: [] }),
      'directory:teams': () => ok([]),
      'directory:schedules': () => ok([]),
      'directory:escalations': () => ok([]),
      'intake:start': () => ok({ workspaceId: 'ops', state: 'polling' as const }),
    })
    await t.services.settings.workspaces.bulkPut([
      { id: 'ops', config: { id: 'ops', name: 'Ops', host: 'eu', demo: false }, addedAt: 1 },
      {
        id: 'site',
        config: {
          id: 'site',
          name: 'Site',
          host: 'https://acme.atlassian.net',
          demo: false,
          provider: 'jsm',
          jsm: { email: 'a@example.com' },
        },
        addedAt: 2,
      },
    ])
    const onOpen = vi.fn()
    t.render(<SettingsView onOpen={onOpen} onRemoved={vi.fn()} />)
    const user = userEvent.setup()
    const ops = (await screen.findByText('Ops')).closest('li') as HTMLElement
    const site = (await screen.findByText('Site')).closest('li') as HTMLElement
    expect(
      within(site).queryByRole('button', { name: 'Move to Jira Service Management' }),
    ).toBeNull()

    await user.click(within(ops).getByRole('button', { name: 'Move to Jira Service Management' }))
    const form = within(ops).getByRole('form', { name: 'Move Ops to Jira Service Management' })
    await user.click(within(form).getByRole('button', { name: 'Move to Jira Service Management' }))
    expect(
      within(form)
        .getAllByRole('alert')
        .map((e) => e.textContent),
    ).toContain('Enter your site, e.g. https://example.atlassian.net')
    expect(t.fake.callsTo('workspace:setSecret')).toEqual([])

    await user.type(within(form).getByLabelText('Site URL'), 'https://acme.atlassian.net')
    await user.type(
      within(form).getByLabelText('E-mail of your Atlassian account'),
      'a@example.com',
    )
    await user.type(within(form).getByLabelText('API token'), TOKEN)
    await user.click(within(form).getByRole('button', { name: 'Move to Jira Service Management' }))
    await within(ops).findByText(
      'Ops is now on Jira Service Management (https://acme.atlassian.net).',
    )
    expect(within(ops).getByText(/Alerts: 0 matched/)).toBeTruthy()

    const stored = t.fake.callsTo('workspace:setSecret') as { workspaceId: string; host: string }[]
    expect(stored.map((s) => [s.workspaceId, s.host])).toEqual([
      ['ops-jsm-move', 'https://acme.atlassian.net'],
      ['ops', 'https://acme.atlassian.net'],
    ])
    expect(await t.services.settings.workspaces.get('ops')).toMatchObject({
      id: 'ops',
      config: {
        provider: 'jsm',
        host: 'https://acme.atlassian.net',
        jsm: { email: 'a@example.com' },
      },
    })
    expect(JSON.stringify(await t.services.settings.workspaces.toArray())).not.toContain(TOKEN)
    await user.click(within(ops).getByRole('button', { name: 'Open Ops' }))
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'ops' }))
  })
})
