// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../src/renderer/src/App'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import {
  FULL_CAPABILITIES,
  ok,
  READ_ONLY_CAPABILITIES,
  type FakeHandlers,
} from './support/fake-api'
import { harness } from './support/render'

const demo = {
  id: 'demo',
  name: 'Demo',
  host: 'http://127.0.0.1:4010',
  relayUrl: 'http://127.0.0.1:4011',
  demo: true,
}
const live = (input: { workspaceId: string }) =>
  ok({ workspaceId: input.workspaceId, state: 'live' as const })

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function start(handlers: FakeHandlers, hash = '') {
  const t = await harness(handlers)
  render(<App services={t.services} hash={hash} />)
  return { t, user: userEvent.setup() }
}

describe('App first run', () => {
  it('opens the Demo workspace: openDemo, connect, intake from the start, then the shell', async () => {
    const { t, user } = await start({
      'workspace:openDemo': () => ok(demo),
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'intake:start': live,
    })
    await user.click(await screen.findByRole('button', { name: 'Try the Demo workspace' }))
    await screen.findByRole('navigation', { name: 'Views' })
    expect(screen.getByTestId('status-workspace').textContent).toContain('Demo')
    await waitFor(() => expect(t.fake.callsTo('intake:start')).toEqual([{ workspaceId: 'demo' }]))
    expect(t.fake.callsTo('workspace:connect')[0]).toEqual({ workspace: demo })
    await waitFor(() => expect(screen.getByTestId('status-health').dataset.health).toBe('live'))
    act(() =>
      t.fake.emit('intake:health', { workspaceId: 'demo', state: 'offline', detail: 'relay down' }),
    )
    expect(screen.getByTestId('status-health').textContent).toContain('Offline')
  })

  it('goes straight to the demo when the page is opened with #demo', async () => {
    const { t } = await start(
      {
        'workspace:openDemo': () => ok(demo),
        'workspace:connect': () => ok(FULL_CAPABILITIES),
        'intake:start': live,
      },
      '#demo',
    )
    await screen.findByRole('navigation', { name: 'Views' })
    expect(t.fake.callsTo('workspace:openDemo')).toHaveLength(1)
    expect(screen.queryByRole('button', { name: 'Try the Demo workspace' })).toBeNull()
  })

  it('connects a workspace: validates the form, sends the key once, shows what the key may do', async () => {
    const { t, user } = await start({
      'workspace:setSecret': () => ok({}),
      'workspace:connect': () => ok(READ_ONLY_CAPABILITIES),
      'intake:start': live,
    })
    const form = await screen.findByRole('form', { name: 'Connect a workspace' })
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByText('Give the workspace a name')).toBeTruthy()
    expect(screen.getByText('Paste an Opsgenie API key')).toBeTruthy()
    expect(t.fake.calls).toEqual([])

    await user.type(screen.getByLabelText('Workspace name'), 'Acme Prod')
    await user.selectOptions(screen.getByLabelText('Opsgenie host'), 'eu')
    await user.type(screen.getByLabelText('API key'), 'secret-key-1')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await screen.findByText('Read-only: the key lacks the update permission')
    expect(t.fake.callsTo('workspace:setSecret')).toEqual([
      { workspaceId: 'acme-prod', kind: 'api-key', value: 'secret-key-1', host: 'eu' },
    ])
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('')
    expect(form.isConnected).toBe(true)

    await user.click(within(form).getByRole('button', { name: 'Open Acme Prod' }))
    await screen.findByRole('navigation', { name: 'Views' })
    await waitFor(() =>
      expect(t.fake.callsTo('intake:start')).toEqual([{ workspaceId: 'acme-prod' }]),
    )
    const saved = await t.services.settings.workspaces.get('acme-prod')
    expect(JSON.stringify(saved)).not.toContain('secret-key-1')
    await waitFor(() => expect(useWorkspaceStore.getState().phase).toBe('connected'))
  })

  it('reopens the last workspace used, and shows the cache even when connect fails', async () => {
    const t = await harness({
      'workspace:connect': () => ({ ok: false, error: { code: 'failed', message: 'offline' } }),
    })
    const config = { id: t.workspaceId, name: 'Acme', host: 'us' as const, demo: false }
    await t.services.settings.workspaces.put({ id: t.workspaceId, config, addedAt: 1 })
    await t.services.settings.preferences.put({ key: 'lastWorkspaceId', value: t.workspaceId })
    render(<App services={t.services} />)
    await screen.findByRole('navigation', { name: 'Views' })
    expect(
      await screen.findByText('Acme: offline. Showing what is in the local cache.'),
    ).toBeTruthy()
    expect(await screen.findByText('No alerts match.')).toBeTruthy()
  })
})
