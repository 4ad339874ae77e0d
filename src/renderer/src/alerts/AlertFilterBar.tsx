import type { ReactElement } from 'react'
import { PRIORITIES } from '../../../shared/domain'
import type { ServiceRow, TeamRow } from '../db/rows'
import {
  ALERT_SORTS,
  selectActiveFilterCount,
  useAlertViewStore,
  type AlertFilters,
  type AlertSort,
} from './alert-view-store'

const SORT_LABELS: Readonly<Record<AlertSort, string>> = {
  priority: 'Priority, then newest',
  newest: 'Newest first',
  oldest: 'Oldest first',
  updated: 'Recently updated',
}

export const ALERT_SEARCH_INPUT_ID = 'alert-search'

/** Search, filters and sort for the alert list; everything lives in the alert view store. */
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
      <label className="field field--grow">
        <span>Search alerts</span>
        <input
          id={ALERT_SEARCH_INPUT_ID}
          type="search"
          value={search}
          placeholder="message, alias, tag, entity"
          onChange={(e) => store.setSearch(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Status</span>
        <select
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as AlertFilters['status'] })}
        >
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">All</option>
        </select>
      </label>
      <fieldset className="field priority-toggles">
        <legend>Priority</legend>
        {PRIORITIES.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={filters.priorities.includes(p)}
            onClick={() => store.togglePriority(p)}
          >
            {p}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>Team</span>
        <select
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
      </label>
      <label className="field">
        <span>Service</span>
        <select
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
      </label>
      <label className="field">
        <span>Acknowledged</span>
        <select
          value={filters.acknowledged}
          onChange={(e) => set({ acknowledged: e.target.value as AlertFilters['acknowledged'] })}
        >
          <option value="any">Any</option>
          <option value="no">Unacknowledged</option>
          <option value="yes">Acknowledged</option>
        </select>
      </label>
      <label
        className="field field--inline"
        title={props.me === undefined ? 'Set your username in Settings' : undefined}
      >
        <input
          type="checkbox"
          checked={filters.mine}
          disabled={props.me === undefined}
          onChange={(e) => set({ mine: e.target.checked })}
        />
        <span>Mine</span>
      </label>
      <label className="field">
        <span>Sort</span>
        <select value={sort} onChange={(e) => store.setSort(e.target.value as AlertSort)}>
          {ALERT_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={active === 0} onClick={() => store.clearFilters()}>
        Clear filters
      </button>
      <output className="filter-bar__count" aria-live="polite">
        {props.complete === false
          ? `${props.shown} most urgent alerts, loading the rest…`
          : `${props.shown} alerts`}
      </output>
    </div>
  )
}
