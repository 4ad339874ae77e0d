// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import type { IntakeEvent } from '../../../src/shared/ipc/schemas'
import { App } from '../../../src/renderer/src/App'
import type { AppServices, SessionIngest } from '../../../src/renderer/src/app/services'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceRuntimes } from '../../../src/renderer/src/app/workspace-runtimes'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import {
  CoordinationDb,
  coordinationDbName,
} from '../../../src/renderer/src/incidents/coordination'
import { useRingingRegistry } from '../../../src/renderer/src/notifications/ringing-registry'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { PREFERENCE_KEYS, writePreference } from '../../../src/renderer/src/settings/preferences'
import { SettingsDb, type WorkspaceEntry } from '../../../src/renderer/src/settings/settings-db'
import type { AlertChange } from '../../../src/renderer/src/sync'
import { createFakeApi, FULL_CAPABILITIES, ok } from './support/fake-api'
import { freshWorkspaceId } from './support/fixtures'

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
})

/** The same alert id in both accounts: actions must still land in the row's own workspace. */
const alert = (overrides: Partial<Alert> = {}): Alert => ({
  id: 'same-id',
  tinyId: '7',
  alias: 'a-7',
  message: 'Disk full',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P2',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  // news: created after the workspaces opened
  createdAt: new Date(Date.now() + 1000).toISOString(),
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...overrides,
})

const event = (workspaceId: string, a: Alert): IntakeEvent => ({
  workspaceId,
  cursor: a.updatedAt,
  source: 'relay',
  receivedAt: Date.now(),
  payload: { kind: 'alert', alert: a },
})

/** Writes each event's alert into the cache it was made for, reporting changes as ingest does. */
function recordingIngest(db: CacheDb): SessionIngest {
  return {
    async applyBatch(events) {
      const changes: AlertChange[] = []
      for (const e of events) {
        if (e.payload.kind !== 'alert') continue
        const row = toAlertRow(e.payload.alert)
        const before = await db.alerts.get(row.id)
        await db.alerts.put(row)
        const kind =
          before === undefined
            ? 'created'
            : !before.acknowledged && row.acknowledged
              ? 'acknowledged'
              : 'updated'
        changes.push({ kind, alert: row, live: true })
      }
      return { changes }
    },
  }
}

/** Two saved workspaces, US (shown: the last one used) and EU, each with its own cache. */
async function openTwo() {
  const shown: { id: string; title: string }[] = []
  const trayRinging: (number | undefined)[] = []
  const tray: { state: string; openAlerts: number }[] = []
  const fake = createFakeApi({
    'workspace:connect': () => ok(FULL_CAPABILITIES),
    'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' as const }),
    'notifications:show': (request) => {
      shown.push({ id: request.id, title: request.title })
      return ok({ shown: true })
    },
    'tray:setStatus': (status) => {
      trayRinging.push(status.ringingCount)
      tray.push({ state: status.state, openAlerts: status.openAlerts })
      return ok({})
    },
    'alerts:acknowledge': () => ok({ status: 'confirmed' as const }),
  })
  const us = freshWorkspaceId('us')
  const eu = freshWorkspaceId('eu')
  const dbs = new Map<string, CacheDb>()
  const settings = new SettingsDb(freshWorkspaceId('settings'))
  const services: AppServices = {
    api: fake.api,
    settings,
    openCache: async (id) => {
      const db = dbs.get(id) ?? (await new CacheDb(id).openOrExplain())
      dbs.set(id, db)
      return db
    },
    openCoordination: (id) => new CoordinationDb(coordinationDbName(id)).openOrExplain(),
    createIngest: (db) => recordingIngest(db),
    outbox: new OutboxDb(freshWorkspaceId('outbox')),
  }
  const entry = (id: string, name: string, addedAt: number): WorkspaceEntry => ({
    id,
    config: { id, name, host: name === 'US' ? 'us' : 'eu', demo: false },
    addedAt,
  })
  await settings.workspaces.bulkPut([entry(us, 'US', 1), entry(eu, 'EU', 2)])
  await writePreference(settings, PREFERENCE_KEYS.lastWorkspaceId, us)
  await writePreference(settings, PREFERENCE_KEYS.outboxSettings, {
    followIntervalMs: 5,
    backoffBaseMs: 5,
    reconcileAfterMs: 20,
    undoHoldMs: 0,
  })
  render(<App services={services} />)
  await screen.findByRole('navigation', { name: 'Views' })
  // both sessions run: the one on screen and the one in the background
  await waitFor(() =>
    expect(
      fake
        .callsTo('intake:start')
        .map((c) => (c as { workspaceId: string }).workspaceId)
        .sort(),
    ).toEqual([eu, us].sort()),
  )
  await waitFor(() => expect(Object.keys(useWorkspaceRuntimes.getState().byId)).toHaveLength(2))
  return { fake, us, eu, shown, trayRinging, tray, user: userEvent.setup() }
}

const acknowledged = (fake: ReturnType<typeof createFakeApi>) =>
  fake.callsTo('alerts:acknowledge').map((c) => (c as { workspaceId: string }).workspaceId)

describe('several workspaces at once', () => {
  it('a P1 in the workspace not on screen notifies (named), rings, is counted, and `a` acknowledges it there', async () => {
    const { fake, eu, shown, trayRinging, tray, user } = await openTwo()
    act(() => fake.emit('intake:event', event(eu, alert({ priority: 'P1', message: 'EU down' }))))

    await waitFor(() =>
      expect(shown).toEqual([{ id: `${eu}/alert:same-id`, title: 'EU: P1 EU down' }]),
    )
    const elsewhere = await screen.findByRole('region', { name: 'Ringing in other workspaces' })
    await waitFor(() => expect(elsewhere.textContent).toContain('EU: 1 alert ringing: P1 EU down'))
    // nothing else rings: `a` acknowledges exactly this, so its button teaches the key
    expect(
      within(elsewhere)
        .getByRole('button', { name: 'Acknowledge in EU' })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('A')
    expect(screen.getByRole('status', { name: '1 ringing, unacknowledged' })).toBeTruthy()
    expect(document.title).toBe('(1) ringing · Ondeck')
    await waitFor(() => expect(trayRinging.at(-1)).toBe(1))
    // the tray counts the workspace not on screen too: US has no alerts at all
    await waitFor(() => expect(tray.at(-1)).toEqual({ state: 'unacknowledged-p1', openAlerts: 1 }))

    await user.keyboard('a')
    await waitFor(() => expect(acknowledged(fake)).toEqual([eu]))
    // Opsgenie's answer comes back through EU's intake: ringing stops everywhere
    act(() =>
      fake.emit(
        'intake:event',
        event(
          eu,
          alert({ priority: 'P1', acknowledged: true, updatedAt: '2026-11-27T01:00:00.000Z' }),
        ),
      ),
    )
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Ringing in other workspaces' })).toBeNull(),
    )
    await waitFor(() => expect(trayRinging.at(-1)).toBe(0))
    expect(document.title).toBe('Ondeck')
  })

  it('All workspaces lists both, each row marked, and Acknowledge acts in the row’s workspace', async () => {
    const { fake, us, eu, user } = await openTwo()
    act(() => {
      fake.emit('intake:event', event(us, alert({ message: 'US disk full' })))
      fake.emit('intake:event', event(eu, alert({ message: 'EU disk full' })))
    })
    const switcher = screen.getByRole('combobox', { name: 'Workspace' })
    await user.selectOptions(switcher, 'All workspaces')
    const list = await screen.findByRole('list', { name: 'Open alerts in every workspace' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    const euRow = list.querySelector(`[data-workspace-id="${eu}"]`) as HTMLElement
    expect(euRow.textContent).toContain('EU')
    expect(euRow.textContent).toContain('#7 EU disk full')

    await user.click(within(euRow).getByRole('button', { name: 'Acknowledge #7 in EU' }))
    await waitFor(() => expect(acknowledged(fake)).toEqual([eu]))
    expect(
      within(list.querySelector(`[data-workspace-id="${us}"]`) as HTMLElement).getByRole('button', {
        name: 'Acknowledge #7 in US',
      }),
    ).toBeTruthy()
  })

  it('All workspaces draws the 300 most urgent and counts the rest', async () => {
    const { fake, us, eu, user } = await openTwo()
    act(() => {
      for (let i = 0; i < 330; i++)
        fake.emit(
          'intake:event',
          event(
            us,
            alert({ id: `us-${i}`, tinyId: String(i), priority: 'P4', message: `US ${i}` }),
          ),
        )
      fake.emit(
        'intake:event',
        event(eu, alert({ id: 'eu-p1', priority: 'P1', message: 'EU down', acknowledged: true })),
      )
      fake.emit(
        'intake:event',
        event(eu, alert({ id: 'eu-p2', priority: 'P2', message: 'EU slow' })),
      )
    })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), 'All workspaces')
    const list = await screen.findByRole('list', { name: 'Open alerts in every workspace' })
    await waitFor(() => expect(document.body.textContent).toContain('332 open alerts'))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(300))
    expect(document.body.textContent).toContain('and 32 more')
    const rows = within(list).getAllByRole('listitem')
    // unacknowledged first (the P2, then the P4s), the acknowledged P1 past the 300 shown
    expect(rows[0]?.getAttribute('data-alert-id')).toBe('eu-p2')
    expect(list.querySelector('[data-alert-id="eu-p1"]')).toBeNull()
  })

  it('the switcher puts the other workspace on screen, and Open in All workspaces selects the alert there', async () => {
    const { fake, eu, user } = await openTwo()
    act(() => fake.emit('intake:event', event(eu, alert({ message: 'EU disk full' }))))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), 'All workspaces')
    const open = await screen.findByRole('button', { name: 'Open #7 in EU' })
    await user.click(open)
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Workspace' }) as HTMLSelectElement).value).toBe(
        eu,
      ),
    )
    expect(useNavigationStore.getState().view).toBe('alerts')
    expect(useAlertViewStore.getState().selectedId).toBe('same-id')
    await waitFor(() => expect(document.body.textContent).toContain('Workspace: EU'))
    // US now runs in the background: still connected, still registered
    await waitFor(() => expect(Object.keys(useWorkspaceRuntimes.getState().byId)).toHaveLength(2))
    expect(useWorkspaceRuntimes.getState().byId[eu]?.shown).toBe(true)
  })

  it('the command palette switches workspaces and opens All workspaces, so the keyboard reaches both', async () => {
    const { eu, user } = await openTwo()
    await user.keyboard('{Control>}k{/Control}')
    let palette = await screen.findByRole('dialog')
    await user.click(within(palette).getByRole('option', { name: 'Workspace: All workspaces' }))
    expect(useNavigationStore.getState().view).toBe('all-workspaces')
    await screen.findByRole('list', { name: 'Open alerts in every workspace' })

    await user.keyboard('{Control>}k{/Control}')
    palette = await screen.findByRole('dialog')
    await user.click(within(palette).getByRole('option', { name: 'Workspace: Switch to EU' }))
    await waitFor(() => expect(document.body.textContent).toContain('Workspace: EU'))
    expect(useNavigationStore.getState().view).toBe('alerts')
    expect(useWorkspaceRuntimes.getState().byId[eu]?.shown).toBe(true)
  })
})
