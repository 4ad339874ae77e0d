// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RequestInput } from '../../../src/shared/ipc/contract'
import { SettingsView } from '../../../src/renderer/src/settings/SettingsView'
import { FULL_CAPABILITIES, ok } from '../app/support/fake-api'
import { harness } from '../app/support/render'

afterEach(cleanup)

/** What main answers (src/main/gateway/workspaces.ts, tested in workspaces.int.test.ts). */
const REFUSAL =
  "workspace moved's API key was stored by an earlier version of Ondeck without its host; " +
  'enter the API key again (Settings, Workspaces: “Re-enter API key”)'

/**
 * Main refuses a key stored before secrets were bound to their host until it is entered again
 * (`assertBoundTo` in src/main/gateway/workspaces.ts): this is the way to do that without
 * removing the workspace and losing its cache.
 */
async function setup() {
  const stored: RequestInput<'workspace:setSecret'>[] = []
  const t = await harness({
    'workspace:setSecret': (input) => {
      stored.push(input)
      return ok({})
    },
    // Refused until both secrets were entered again for the workspace's own host and relay.
    'workspace:connect': () =>
      stored.some((s) => s.kind === 'api-key')
        ? ok(FULL_CAPABILITIES)
        : { ok: false, error: { code: 'failed', message: REFUSAL } },
  })
  await t.services.settings.workspaces.put({
    id: 'moved',
    config: {
      id: 'moved',
      name: 'Moved',
      host: 'https://api.eu.opsgenie.com',
      relayUrl: 'https://relay.example.com/ondeck',
      demo: false,
    },
    addedAt: 1,
  })
  t.render(<SettingsView activeId={t.workspaceId} onOpen={vi.fn()} onRemoved={vi.fn()} />)
  const item = await screen.findByText((_, el) => el?.getAttribute('data-workspace-id') === 'moved')
  return { t, stored, item: within(item), user: userEvent.setup() }
}

describe('re-entering a secret in Settings', () => {
  it('points a refused connect to the re-enter form', async () => {
    const { item, user } = await setup()
    await user.click(item.getByRole('button', { name: 'Validate Moved' }))
    await item.findByText(/enter the API key again/)
    expect(item.getByText('Use “Re-enter API key” below.')).toBeTruthy()
    expect(item.getByLabelText('New API key for Moved')).toBeTruthy()
  })

  it('stores the API key for the workspace’s own host, clears the field and validates', async () => {
    const { t, stored, item, user } = await setup()
    await user.click(item.getByRole('button', { name: 'Re-enter API key' }))
    const field = item.getByLabelText('New API key for Moved')
    expect(field.getAttribute('type')).toBe('password')
    await user.type(field, 'k-fresh')
    await user.click(item.getByRole('button', { name: 'Save API key' }))

    await item.findByText('API key saved for https://api.eu.opsgenie.com.')
    await item.findByText('Can act on alerts')
    expect(stored).toEqual([
      {
        workspaceId: 'moved',
        kind: 'api-key',
        value: 'k-fresh',
        host: 'https://api.eu.opsgenie.com',
      },
    ])
    expect(t.fake.callsTo('workspace:connect')).toHaveLength(1)
    expect(item.queryByLabelText('New API key for Moved')).toBeNull()
    expect(document.body.innerHTML).not.toContain('k-fresh')
    // The workspace, and so its cache, stays.
    expect(await t.services.settings.workspaces.get('moved')).toBeDefined()
  })

  it('stores the relay token for the workspace’s relay URL', async () => {
    const { stored, item, user } = await setup()
    await user.click(item.getByRole('button', { name: 'Re-enter relay token' }))
    await user.type(item.getByLabelText('New relay token for Moved'), 'rt-fresh')
    await user.click(item.getByRole('button', { name: 'Save relay token' }))
    await item.findByText('Relay token saved for https://relay.example.com/ondeck.')
    expect(stored).toEqual([
      {
        workspaceId: 'moved',
        kind: 'relay-token',
        value: 'rt-fresh',
        relayUrl: 'https://relay.example.com/ondeck',
      },
    ])
  })

  it('refuses an empty value without calling main', async () => {
    const { stored, item, user } = await setup()
    await user.click(item.getByRole('button', { name: 'Re-enter API key' }))
    await user.type(item.getByLabelText('New API key for Moved'), '   ')
    await user.click(item.getByRole('button', { name: 'Save API key' }))
    expect(item.getByRole('alert').textContent).toBe('Enter the API key')
    expect(stored).toEqual([])
  })

  it('shows why main would not store it', async () => {
    const t = await harness({
      'workspace:setSecret': () => ({
        ok: false,
        error: { code: 'failed', message: 'the system keychain is locked' },
      }),
    })
    await t.services.settings.workspaces.put({
      id: 'w2',
      config: { id: 'w2', name: 'W2', host: 'us', demo: false },
      addedAt: 1,
    })
    t.render(<SettingsView activeId={t.workspaceId} onOpen={vi.fn()} onRemoved={vi.fn()} />)
    const user = userEvent.setup()
    const item = within(
      await screen.findByText((_, el) => el?.getAttribute('data-workspace-id') === 'w2'),
    )
    expect(item.queryByRole('button', { name: 'Re-enter relay token' })).toBeNull()
    await user.click(item.getByRole('button', { name: 'Re-enter API key' }))
    await user.type(item.getByLabelText('New API key for W2'), 'k2')
    await user.click(item.getByRole('button', { name: 'Save API key' }))
    await item.findByText('Could not store the API key: the system keychain is locked')
    expect(t.fake.callsTo('workspace:connect')).toEqual([])
  })
})
