import { create } from 'zustand'
import type { AlertActionName, AlertFormName } from '../../../shared/commands/catalogue'
import type { Priority } from '../../../shared/domain'

export type { AlertFormName } from '../../../shared/commands/catalogue'

/** How the alert list is narrowed and ordered; the rows themselves come from Dexie. */
export interface AlertFilters {
  readonly status: 'open' | 'closed' | 'all'
  /** Empty means every priority. */
  readonly priorities: readonly Priority[]
  readonly team?: string
  readonly service?: string
  readonly mine: boolean
  readonly acknowledged: 'any' | 'yes' | 'no'
}

/** `needs-action` (the default): unacknowledged first, then priority, then newest. */
export const ALERT_SORTS = ['needs-action', 'priority', 'newest', 'oldest', 'updated'] as const
export type AlertSort = (typeof ALERT_SORTS)[number]

/**
 * An action that never reached the outbox (invalid input, closed database): the outbox holds the
 * state of every queued one, this only what it never saw, so the detail can still say why.
 */
export interface ActionRefusal {
  readonly action: AlertActionName
  readonly message: string
  readonly at: number
}

export interface AlertViewState {
  readonly filters: AlertFilters
  readonly search: string
  readonly sort: AlertSort
  readonly selectedId?: string
  /**
   * The ids the list shows, in its order (published by the list, not read from Dexie here), so
   * `j`/`k` can move through exactly what the responder sees.
   */
  readonly visibleIds: readonly string[]
  /** The detail's form that is open ("Add note", ...), openable from the keyboard and palette. */
  readonly openForm?: AlertFormName
  /** Per alert, the latest action refused before it was queued; cleared by the next queued one. */
  readonly refusals: Readonly<Record<string, ActionRefusal>>
  /** Alerts ticked for a bulk action (checkbox, Ctrl/Shift-click, `x`), in the order ticked. */
  readonly checked: readonly string[]
  /** Where a Shift-click range starts: the last alert ticked or unticked. */
  readonly checkAnchor?: string
}

/** What a saved view, a deep link and the stored preference hold: the list's narrowing and order. */
export interface AlertViewQuery {
  readonly filters: AlertFilters
  readonly search: string
  readonly sort: AlertSort
}

export interface AlertViewActions {
  /** Replaces filters, search and sort at once (a saved view, a deep link, a restored session). */
  applyQuery(query: AlertViewQuery): void
  setFilters(patch: Partial<AlertFilters>): void
  togglePriority(priority: Priority): void
  setSearch(search: string): void
  setSort(sort: AlertSort): void
  select(alertId: string | undefined): void
  /** Moves the selection by `delta` rows through the visible list, clamped at its ends. */
  moveSelection(delta: number): void
  setVisibleIds(ids: readonly string[]): void
  setOpenForm(form: AlertFormName | undefined): void
  refuse(alertId: string, refusal: ActionRefusal | undefined): void
  clearFilters(): void
  /** Ticks or unticks one alert and makes it the range's anchor. */
  toggleChecked(alertId: string): void
  /** Ticks every visible alert from the anchor (or the selection) to this one. */
  checkRange(alertId: string): void
  clearChecked(): void
  reset(): void
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = {
  status: 'open',
  priorities: [],
  mine: false,
  acknowledged: 'any',
}

const initialState: AlertViewState = {
  filters: DEFAULT_ALERT_FILTERS,
  search: '',
  sort: 'needs-action',
  visibleIds: [],
  refusals: {},
  checked: [],
}

export const useAlertViewStore = create<AlertViewState & AlertViewActions>()((set) => ({
  ...initialState,
  applyQuery: ({ filters, search, sort }) => set({ filters, search, sort }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  togglePriority: (priority) =>
    set((s) => {
      const has = s.filters.priorities.includes(priority)
      const priorities = has
        ? s.filters.priorities.filter((p) => p !== priority)
        : [...s.filters.priorities, priority].sort()
      return { filters: { ...s.filters, priorities } }
    }),
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
  select: (selectedId) =>
    set((s) => (s.selectedId === selectedId ? {} : { selectedId, openForm: undefined })),
  moveSelection: (delta) =>
    set((s) => {
      if (s.visibleIds.length === 0) return {}
      const at = s.selectedId === undefined ? -1 : s.visibleIds.indexOf(s.selectedId)
      const from = at === -1 ? (delta > 0 ? -1 : s.visibleIds.length) : at
      const index = Math.max(0, Math.min(s.visibleIds.length - 1, from + delta))
      const selectedId = s.visibleIds[index]
      return selectedId === s.selectedId ? {} : { selectedId, openForm: undefined }
    }),
  setVisibleIds: (visibleIds) => set({ visibleIds }),
  setOpenForm: (openForm) => set({ openForm }),
  refuse: (alertId, refusal) =>
    set((s) => {
      if (refusal === undefined && s.refusals[alertId] === undefined) return {}
      const { [alertId]: _dropped, ...rest } = s.refusals
      return { refusals: refusal === undefined ? rest : { ...rest, [alertId]: refusal } }
    }),
  clearFilters: () => set({ filters: DEFAULT_ALERT_FILTERS, search: '' }),
  toggleChecked: (alertId) =>
    set((s) => ({
      checked: s.checked.includes(alertId)
        ? s.checked.filter((id) => id !== alertId)
        : [...s.checked, alertId],
      checkAnchor: alertId,
    })),
  checkRange: (alertId) =>
    set((s) => {
      const to = s.visibleIds.indexOf(alertId)
      const anchor = s.checkAnchor ?? s.selectedId
      const at = anchor === undefined ? -1 : s.visibleIds.indexOf(anchor)
      const from = at === -1 ? to : at
      if (to === -1) return {}
      const range = s.visibleIds.slice(Math.min(from, to), Math.max(from, to) + 1)
      return { checked: [...s.checked, ...range.filter((id) => !s.checked.includes(id))] }
    }),
  clearChecked: () => set({ checked: [], checkAnchor: undefined }),
  reset: () =>
    set({ ...initialState, selectedId: undefined, openForm: undefined, checkAnchor: undefined }),
}))

export function selectActiveFilterCount(state: AlertViewState): number {
  const f = state.filters
  return (
    (f.status !== 'open' ? 1 : 0) +
    (f.priorities.length > 0 ? 1 : 0) +
    (f.team !== undefined ? 1 : 0) +
    (f.service !== undefined ? 1 : 0) +
    (f.mine ? 1 : 0) +
    (f.acknowledged !== 'any' ? 1 : 0) +
    (state.search.trim() !== '' ? 1 : 0)
  )
}

/** The selected alert's position in the visible list, or -1. */
export function selectSelectedIndex(state: AlertViewState): number {
  return state.selectedId === undefined ? -1 : state.visibleIds.indexOf(state.selectedId)
}
