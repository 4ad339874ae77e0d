import type { ReactElement } from 'react'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from '../incidents/coordination-context'
import { FormError } from '../incidents/FormError'
import { useSubmit } from '../incidents/use-submit'

/**
 * The workspace setting "Re-page existing responders". Off by default: a page skips responders
 * already on the linked open Opsgenie alert or incident, so a second click never re-pages them.
 */
export function RepageSetting(): ReactElement {
  const { coordination } = useCoordination()
  const settings = useLiveQuery(() => coordination.settings(), [coordination])
  const submit = useSubmit()
  return (
    <div className="field--inline">
      <label>
        <input
          type="checkbox"
          checked={settings?.repageExistingResponders ?? false}
          disabled={settings === undefined}
          onChange={(e) => {
            const repageExistingResponders = e.target.checked
            void submit.run(() => coordination.updateSettings({ repageExistingResponders }))
          }}
        />{' '}
        Re-page existing responders
      </label>
      <p className="muted">
        Off: a page skips responders already on the incident&apos;s open Opsgenie alert or incident.
      </p>
      <FormError error={submit.error} />
    </div>
  )
}
