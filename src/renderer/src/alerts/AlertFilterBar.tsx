import type { ReactElement } from 'react'
import { PRIORITIES } from '../../../shared/domain'
import { plural } from '../components/format'
import type { ServiceRow, TeamRow } from '../db/rows'
import {
  ALERT_SORTS,
  selectActiveFilterCount,
  useAlertViewStore,
  type AlertFilters,
  type AlertSort,
} from './alert-view-store'
import { SavedViews } from './SavedViews'

const SORT_LABELS: Readonly<Record<AlertSort, string>> = {
  'needs-action': 'Needs action',
  priority: 'Priority, then newest',
  newest: 'Newest first',
  oldest: 'Oldest first',
  updated: 'Recently updated',
}

export const ALERT_SEARCH_INPUT_ID = 'alert-search'

/**
 * Search, filters, sort and saved views for the alert list, in one compact row of chips beside
 * the search box (it once took a quarter of a 760 px window). Each control is named for screen
 * readers; the chips show their value, not a label above it. Everything lives in the view store.
 */
export function AlertFilterBar(props: {
  teams: readonly TeamRow[]
  services: readonly ServiceRow[]
  me?: string
  shown: number
  /** False while only the most urgent alerts are loaded. */
  complete?: boolean
}): ReactElement {
  const { filters, search, sort } = useAlertViewStore()
  const store = useAlertViewStore.getState()
  const active = useAlertViewStore(selectActiveFilterCount)
  const set = (patch: Partial<AlertFilters>): void => store.setFilters(patch)

  return (
    <div className="filter-bar" role="search" aria-label="Alert filters">
      <input
        id={ALERT_SEARCH_INPUT_ID}
        className="filter-bar__search"
        type="search"
        aria-label="Search alerts"
        value={search}
        placeholder="Search message, alias, tag, entity"
        onChange={(e) => store.setSearch(e.target.value)}
      />
      <output className="filter-bar__count" aria-live="polite">
        {props.complete === false
          ? `${plural(props.shown, 'most urgent alert', 'most urgent alerts')}, loading the rest…`
          : plural(props.shown, 'alert')}
      </output>
      <div className="filter-bar__chips">
        <select
          aria-label="Status"
          className="chip"
          data-set={filters.status !== 'open' || undefined}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as AlertFilters['status'] })}
        >
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">Open and closed</option>
        </select>
        <span className="chip-group" role="group" aria-label="Priority">
          {PRIORITIES.map((p) => (
            <button
              key={p}
              type="button"
              className="chip"
              aria-pressed={filters.priorities.includes(p)}
              onClick={() => store.togglePriority(p)}
            >
              {p}
            </button>
          ))}
        </span>
        <select
          aria-label="Acknowledged"
          className="chip"
          data-set={filters.acknowledged !== 'any' || undefined}
          value={filters.acknowledged}
          onChange={(e) => set({ acknowledged: e.target.value as AlertFilters['acknowledged'] })}
        >
          <option value="any">Ack: any</option>
          <option value="no">Unacknowledged</option>
          <option value="yes">Acknowledged</option>
        </select>
        <button
          type="button"
          className="chip"
          aria-pressed={filters.mine}
          disabled={props.me === undefined}
          title={
            props.me === undefined ? 'Set your username in Settings' : 'Owned by me or paging me'
          }
          onClick={() => set({ mine: !filters.mine })}
        >
          Mine
        </button>
        <select
          aria-label="Team"
          className="chip"
          data-set={filters.team !== undefined || undefined}
          value={filters.team ?? ''}
          onChange={(e) => set({ team: e.target.value || undefined })}
        >
          <option value="">All teams</option>
          {props.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Service"
          className="chip"
          data-set={filters.service !== undefined || undefined}
          value={filters.service ?? ''}
          onChange={(e) => set({ service: e.target.value || undefined })}
        >
          <option value="">All services</option>
          {props.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort"
          className="chip"
          value={sort}
          onChange={(e) => store.setSort(e.target.value as AlertSort)}
        >
          {ALERT_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
        <SavedViews teams={props.teams} />
        <button
          type="button"
          className="chip"
          disabled={active === 0}
          onClick={() => store.clearFilters()}
        >
          Clear filters
        </button>
      </div>
    </div>
  )
}
