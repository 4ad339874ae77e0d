import { beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_ALERT_FILTERS,
  selectActiveFilterCount,
  selectSelectedIndex,
  useAlertViewStore,
} from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { describeSince, useStatusStore } from '../../../src/renderer/src/app/status-store'
import {
  selectReadOnlyReason,
  useWorkspaceStore,
} from '../../../src/renderer/src/app/workspace-store'
import { FULL_CAPABILITIES, READ_ONLY_CAPABILITIES } from './support/fake-api'

const config = { id: 'acme', name: 'Acme', host: 'eu' as const, demo: false }

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useStatusStore.getState().reset()
  useAlertViewStore.getState().reset()
  useNavigationStore.getState().reset()
})

describe('workspace store', () => {
  it('moves from connecting to connected and says why a key is read-only', () => {
    const s = useWorkspaceStore.getState()
    s.open(config, 'ada')
    expect(useWorkspaceStore.getState()).toMatchObject({ phase: 'connecting', username: 'ada' })
    s.connected(READ_ONLY_CAPABILITIES)
    expect(selectReadOnlyReason(useWorkspaceStore.getState())).toBe(
      'the key lacks the update permission',
    )
    s.connected(FULL_CAPABILITIES)
    expect(selectReadOnlyReason(useWorkspaceStore.getState())).toBeUndefined()
  })

  it('keeps the error of a failed connect and reset clears everything', () => {
    const s = useWorkspaceStore.getState()
    s.open(config)
    s.failed('bad key')
    expect(useWorkspaceStore.getState()).toMatchObject({ phase: 'failed', error: 'bad key' })
    s.reset()
    expect(useWorkspaceStore.getState()).toMatchObject({
      phase: 'none',
      workspace: undefined,
      error: undefined,
    })
  })
})

describe('status store', () => {
  it('keeps the newest event time from events and health', () => {
    const s = useStatusStore.getState()
    s.eventsArrived(2000)
    s.eventsArrived(1000)
    expect(useStatusStore.getState().lastEventAt).toBe(2000)
    s.setHealth({ workspaceId: 'acme', state: 'live', lastEventAt: 5000 })
    expect(useStatusStore.getState()).toMatchObject({
      lastEventAt: 5000,
      health: { state: 'live' },
    })
    s.setHealth({ workspaceId: 'acme', state: 'offline' })
    expect(useStatusStore.getState().lastEventAt).toBe(5000)
  })

  it('describes the time since the last event', () => {
    expect(describeSince(undefined, 0)).toBe('no events yet')
    expect(describeSince(1000, 13_000)).toBe('12 s ago')
    expect(describeSince(0, 4 * 60_000)).toBe('4 min ago')
    expect(describeSince(0, 3 * 3_600_000)).toBe('3 h ago')
    expect(describeSince(0, 72 * 3_600_000)).toBe('3 d ago')
  })
})

describe('alert view store', () => {
  it('toggles priorities in order and counts active filters', () => {
    const s = useAlertViewStore.getState()
    s.togglePriority('P2')
    s.togglePriority('P1')
    expect(useAlertViewStore.getState().filters.priorities).toEqual(['P1', 'P2'])
    s.togglePriority('P2')
    expect(useAlertViewStore.getState().filters.priorities).toEqual(['P1'])
    s.setFilters({ mine: true, team: 't1' })
    s.setSearch('disk')
    expect(selectActiveFilterCount(useAlertViewStore.getState())).toBe(4)
    s.clearFilters()
    expect(useAlertViewStore.getState()).toMatchObject({
      filters: DEFAULT_ALERT_FILTERS,
      search: '',
    })
    expect(selectActiveFilterCount(useAlertViewStore.getState())).toBe(0)
  })

  it('keeps the selection across filter changes until reset', () => {
    const s = useAlertViewStore.getState()
    s.select('a1')
    s.setSort('newest')
    expect(useAlertViewStore.getState()).toMatchObject({ selectedId: 'a1', sort: 'newest' })
    s.reset()
    expect(useAlertViewStore.getState()).toMatchObject({
      selectedId: undefined,
      sort: 'needs-action',
    })
  })
})

describe('alert selection for the keyboard', () => {
  it('moves through the visible ids, clamped, starting from either end', () => {
    const s = useAlertViewStore.getState()
    s.moveSelection(1)
    expect(useAlertViewStore.getState().selectedId).toBeUndefined()
    s.setVisibleIds(['a', 'b', 'c'])
    s.moveSelection(1)
    expect(useAlertViewStore.getState().selectedId).toBe('a')
    s.moveSelection(5)
    expect(useAlertViewStore.getState().selectedId).toBe('c')
    expect(selectSelectedIndex(useAlertViewStore.getState())).toBe(2)
    s.moveSelection(-1)
    expect(useAlertViewStore.getState().selectedId).toBe('b')
    s.select(undefined)
    s.moveSelection(-1)
    expect(useAlertViewStore.getState().selectedId).toBe('c')
  })

  it('closes an open form when the selection moves', () => {
    const s = useAlertViewStore.getState()
    s.setVisibleIds(['a', 'b'])
    s.select('a')
    s.setOpenForm('addNote')
    s.select('a')
    expect(useAlertViewStore.getState().openForm).toBe('addNote')
    s.moveSelection(1)
    expect(useAlertViewStore.getState()).toMatchObject({ selectedId: 'b', openForm: undefined })
  })
})

describe('action and navigation stores', () => {
  it('keeps, per alert, the latest action refused before it was queued, until one is queued', () => {
    const s = useAlertViewStore.getState()
    s.refuse('a1', { action: 'acknowledge', message: 'database closed', at: 1 })
    s.refuse('a2', { action: 'close', message: 'nope', at: 2 })
    expect(useAlertViewStore.getState().refusals['a1']?.message).toBe('database closed')
    s.refuse('a1', undefined)
    expect(useAlertViewStore.getState().refusals).toEqual({
      a2: { action: 'close', message: 'nope', at: 2 },
    })
    s.reset()
    expect(useAlertViewStore.getState().refusals).toEqual({})
  })

  it('opening an incident switches to the incidents view', () => {
    useNavigationStore.getState().openIncident('i1')
    expect(useNavigationStore.getState()).toMatchObject({ view: 'incidents', incidentId: 'i1' })
    useNavigationStore.getState().reset()
    expect(useNavigationStore.getState()).toMatchObject({ view: 'alerts', incidentId: undefined })
  })
})
