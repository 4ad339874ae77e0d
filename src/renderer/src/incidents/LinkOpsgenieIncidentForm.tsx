import { useState, type FormEvent, type ReactElement } from 'react'
import type { Incident } from '../../../shared/domain'
import type { LocalIncident } from './coordination'
import { useCoordination } from './coordination-context'
import { FormError } from './FormError'
import { useSubmit } from './use-submit'

/**
 * Links an Opsgenie incident that already exists: by its id, or picked from a search
 * (`incidents:list`, Opsgenie's query syntax; empty lists the open ones).
 */
export function LinkOpsgenieIncidentForm(props: { incident: LocalIncident }): ReactElement {
  const { coordination } = useCoordination()
  const [id, setId] = useState('')
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Incident[]>()
  const submit = useSubmit()
  const link = (opsgenieId: string): void =>
    void submit.run(() => coordination.linkOpsgenieIncident(props.incident.id, opsgenieId))
  const byId = (event: FormEvent): void => {
    event.preventDefault()
    link(id)
  }
  const search = (event: FormEvent): void => {
    event.preventDefault()
    void submit.run(async () => setFound(await coordination.searchOpsgenieIncidents(query)))
  }

  return (
    <div className="link-opsgenie-incident">
      <form className="button-row" onSubmit={byId}>
        <label className="field--inline">
          Opsgenie incident id
          <input value={id} onChange={(e) => setId(e.target.value)} />
        </label>
        <button type="submit" disabled={submit.busy || id.trim() === ''}>
          Link
        </button>
      </form>
      <form className="button-row" onSubmit={search}>
        <label className="field--inline">
          Search Opsgenie incidents
          <input
            value={query}
            placeholder="status:open"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <button type="submit" disabled={submit.busy}>
          Search
        </button>
      </form>
      {found?.length === 0 && <p className="muted">No Opsgenie incident matches.</p>}
      {found !== undefined && found.length > 0 && (
        <ul className="plain-list" aria-label="Opsgenie incidents found">
          {found.map((i) => (
            <li key={i.id}>
              #{i.tinyId} {i.message}{' '}
              <span className="muted">
                ({i.status}, {i.priority})
              </span>{' '}
              <button
                type="button"
                disabled={submit.busy}
                aria-label={`Link #${i.tinyId} ${i.message}`}
                onClick={() => link(i.id)}
              >
                Link
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={submit.error} />
    </div>
  )
}
