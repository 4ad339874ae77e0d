import { useState, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import { useLiveQuery } from '../db/use-live-query'
import type { TeamRow } from '../db/rows'
import { sameQuery } from './alert-view-link'
import { useAlertViewStore } from './alert-view-store'
import { builtInViews, deleteView, readSavedViews, saveView, type SavedView } from './saved-views'

const SAVE = '__save'
const DELETE = '__delete'

/**
 * The saved views chip: picks a view (built in or the responder's own), saves the current filters
 * under a name, deletes the responder's view that is showing. It shows the view the list matches,
 * or "Custom view" when the filters match none.
 */
export function SavedViews(props: { teams: readonly TeamRow[] }): ReactElement {
  const { settings } = useAppServices()
  const own = useLiveQuery(() => readSavedViews(settings), [settings]) ?? []
  const filters = useAlertViewStore((s) => s.filters)
  const search = useAlertViewStore((s) => s.search)
  const sort = useAlertViewStore((s) => s.sort)
  const applyQuery = useAlertViewStore((s) => s.applyQuery)
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')

  const current = { filters, search, sort }
  const views: SavedView[] = [...builtInViews(props.teams), ...own]
  const matching = views.find((v) => sameQuery(v.query, current))

  if (naming) {
    const save = (): void => {
      const trimmed = name.trim()
      if (trimmed === '') return
      void saveView(settings, { name: trimmed, query: current })
      setNaming(false)
      setName('')
    }
    return (
      <form
        className="chip-form"
        aria-label="Save view"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <input
          aria-label="View name"
          autoFocus
          value={name}
          placeholder="View name"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
        />
        <button type="submit" className="chip" disabled={name.trim() === ''}>
          Save
        </button>
        <button type="button" className="chip" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    )
  }

  return (
    <select
      aria-label="Saved views"
      className="chip"
      value={matching?.name ?? ''}
      onChange={(e) => {
        const value = e.target.value
        if (value === SAVE) return setNaming(true)
        if (value === DELETE && matching !== undefined)
          return void deleteView(settings, matching.name)
        const view = views.find((v) => v.name === value)
        if (view !== undefined) applyQuery(view.query)
      }}
    >
      {matching === undefined && <option value="">Custom view</option>}
      {views.map((v) => (
        <option key={v.name} value={v.name}>
          {v.name}
        </option>
      ))}
      <option value={SAVE}>Save current filters as…</option>
      {matching !== undefined && matching.builtIn !== true && (
        <option value={DELETE}>Delete “{matching.name}”</option>
      )}
    </select>
  )
}
