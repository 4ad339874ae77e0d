import { useState, type ReactElement } from 'react'
import { SEVERITIES, severityToPriority, type Severity } from '../../../shared/domain'
import type { LocalIncident } from './coordination'
import { useCoordination } from './coordination-context'
import { isSeverity } from './declare-form'
import { FormError } from './FormError'
import { useSubmit } from './use-submit'

/** Severity and description edits; with a linked Opsgenie incident each queues its update. */
export function IncidentEdits(props: { incident: LocalIncident }): ReactElement {
  const { coordination } = useCoordination()
  const { incident } = props
  const [severity, setSeverity] = useState<Severity>(incident.severity)
  const [description, setDescription] = useState(incident.description)
  const severityEdit = useSubmit()
  const descriptionEdit = useSubmit()
  return (
    <section aria-labelledby="incident-edits" className="incident-edits">
      <h3 id="incident-edits">Severity and description</h3>
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault()
          void severityEdit.run(() => coordination.changeSeverity(incident.id, severity))
        }}
      >
        <label className="field--inline">
          Severity
          <select
            value={severity}
            onChange={(e) => isSeverity(e.target.value) && setSeverity(e.target.value)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s} ({severityToPriority(s)})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={severityEdit.busy || severity === incident.severity}>
          Change severity
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void descriptionEdit.run(() => coordination.changeDescription(incident.id, description))
        }}
      >
        <label className="field">
          Description
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <button
          type="submit"
          disabled={descriptionEdit.busy || description === incident.description}
        >
          Save description
        </button>
      </form>
      <FormError error={severityEdit.error ?? descriptionEdit.error} />
    </section>
  )
}
