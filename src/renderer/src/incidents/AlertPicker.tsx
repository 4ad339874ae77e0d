import { useMemo, useState, type ReactElement } from 'react'
import type { AlertRow } from '../db/rows'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'

/** How many matches the picker lists at once: type more to narrow. */
const SHOWN = 30

/** "#12 Disk full" matches "12", "#12", "disk" or "full db". */
function matches(alert: AlertRow, query: string): boolean {
  const terms = query.toLowerCase().replace(/#/g, ' ').split(/\s+/).filter(Boolean)
  const text = `${alert.tinyId} ${alert.message} ${alert.entity ?? ''}`.toLowerCase()
  return terms.every((t) =>
    /^\d+$/.test(t) ? alert.tinyId === t || text.includes(t) : text.includes(t),
  )
}

/**
 * Picks cached open alerts by number or words: a search box over a checkbox list of
 * "#number title", so nobody reads or types an alert id.
 */
export function AlertPicker(props: {
  legend: string
  selected: readonly string[]
  onChange(ids: string[]): void
  /** Alerts already attached, left out of the choices. */
  exclude?: readonly string[]
}): ReactElement {
  const { cache } = useCoordination()
  const [query, setQuery] = useState('')
  const open = useLiveQuery(
    () => cache.alerts.where('status').equals('open').sortBy('priorityRank'),
    [cache],
  )
  const chosen = useLiveQuery(
    async () => (await cache.alerts.bulkGet([...props.selected])).filter((a) => a !== undefined),
    [cache, props.selected.join(',')],
  )
  const shown = useMemo(
    () =>
      (open ?? [])
        .filter((a) => !props.selected.includes(a.id) && !(props.exclude ?? []).includes(a.id))
        .filter((a) => matches(a, query))
        .slice(0, SHOWN),
    [open, query, props.selected, props.exclude],
  )
  const toggle = (id: string, on: boolean): void =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((s) => s !== id))
  const row = (a: AlertRow, on: boolean): ReactElement => (
    <li key={a.id}>
      <label className="field--inline">
        <input type="checkbox" checked={on} onChange={(e) => toggle(a.id, e.target.checked)} />
        <span className="muted">#{a.tinyId}</span> {a.priority} {a.message}
      </label>
    </li>
  )

  return (
    <fieldset className="alert-picker">
      <legend>{props.legend}</legend>
      {chosen !== undefined && chosen.length > 0 && (
        <ul className="plain-list" aria-label="Chosen alerts">
          {chosen.map((a) => row(a, true))}
        </ul>
      )}
      <label className="field">
        Find alerts (number or words)
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <ul className="plain-list checkbox-group" aria-label="Matching alerts">
        {shown.map((a) => row(a, false))}
      </ul>
      {open !== undefined && shown.length === 0 && <p className="muted">No open alert matches.</p>}
    </fieldset>
  )
}
