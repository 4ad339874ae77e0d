// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AlertsLink } from '../../../src/shared/ipc/links'
import { App } from '../../../src/renderer/src/App'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { ALERT_PREFERENCE_KEYS } from '../../../src/renderer/src/alerts/saved-views'
import { queryOfLink } from '../../../src/renderer/src/app/deep-links'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceRuntimes } from '../../../src/renderer/src/app/workspace-runtimes'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { useRingingRegistry } from '../../../src/renderer/src/notifications/ringing-registry'
import { PREFERENCE_KEYS, writePreference } from '../../../src/renderer/src/settings/preferences'
import type { WorkspaceEntry } from '../../../src/renderer/src/settings/settings-db'
import { FULL_CAPABILITIES, ok } from './support/fake-api'
import { harness } from './support/render'

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
  useRingingRegistry.getState().reset()
  useWorkspaceRuntimes.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  delete (window as { ondeck?: unknown }).ondeck
})

describe('ondeck:// links in the desktop app', () => {
  it('the link that launched the app and one opened later each set the filters (and workspace)', async () => {
    const waiting: (AlertsLink | null)[] = [
      { workspaceId: 'eu-prod', priorities: ['P1'], acknowledged: 'no' },
    ]
    const t = await harness(
      {
        'workspace:connect': () => ok(FULL_CAPABILITIES),
        'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' as const }),
        'tray:setStatus': () => ok({}),
        'links:take': () => ok(waiting.shift() ?? null),
      },
      { startEngine: false },
    )
    const entry = (id: string, name: string, addedAt: number): WorkspaceEntry => ({
      id,
      config: { id, name, host: 'us', demo: false },
      addedAt,
    })
    await t.services.settings.workspaces.bulkPut([
      entry(t.workspaceId, 'US', 1),
      entry('eu-prod', 'EU', 2),
    ])
    await writePreference(t.services.settings, PREFERENCE_KEYS.lastWorkspaceId, t.workspaceId)
    // the desktop app: the preload's API is there
    ;(window as { ondeck?: unknown }).ondeck = t.fake.api
    act(() => useNavigationStore.getState().go('services'))
    render(<App services={t.services} />)

    await waitFor(() => expect(document.body.textContent).toContain('Workspace: EU'))
    await waitFor(() =>
      expect(useAlertViewStore.getState().filters).toMatchObject({
        priorities: ['P1'],
        acknowledged: 'no',
      }),
    )
    expect(useNavigationStore.getState().view).toBe('alerts')
    // stored too, so the alerts view restores the link's filters, not the ones last used
    expect(
      (await t.services.settings.preferences.get(ALERT_PREFERENCE_KEYS.alertView))?.value,
    ).toEqual(queryOfLink({ workspaceId: 'eu-prod', priorities: ['P1'], acknowledged: 'no' }))

    waiting.push({ search: 'disk', sort: 'newest' })
    act(() => t.fake.emit('links:arrived', { at: Date.now() }))
    await waitFor(() => expect(useAlertViewStore.getState().search).toBe('disk'))
    expect(useAlertViewStore.getState().sort).toBe('newest')
    // a link sets the whole list: what it does not name is back to the defaults
    expect(useAlertViewStore.getState().filters.priorities).toEqual([])
    await screen.findByRole('navigation', { name: 'Views' })
  })

  it('a malformed answer is refused in the page too', async () => {
    const t = await harness(
      {
        'workspace:openDemo': () =>
          ok({ id: 'demo', name: 'Demo', host: 'http://127.0.0.1:4010', demo: true }),
        'workspace:connect': () => ok(FULL_CAPABILITIES),
        'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' as const }),
        'tray:setStatus': () => ok({}),
        // the fake transport skips main's output check: the page's own check must hold
        'links:take': () => ok({ priorities: ['P1'], exec: 'x' } as unknown as AlertsLink),
      },
      { startEngine: false },
    )
    ;(window as { ondeck?: unknown }).ondeck = t.fake.api
    render(<App services={t.services} hash="#demo" />)
    await screen.findByRole('navigation', { name: 'Views' })
    await waitFor(() => expect(t.fake.callsTo('links:take')).toHaveLength(1))
    await waitFor(() =>
      expect(console.warn).toHaveBeenCalledWith('refused a deep link from main', expect.anything()),
    )
    expect(useAlertViewStore.getState().filters.priorities).toEqual([])
  })
})
