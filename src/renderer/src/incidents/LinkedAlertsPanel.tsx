import { useState, type ReactElement } from 'react'
import type { LinkedAlert } from './coordination'
import type { AlertRow } from '../db/rows'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'
import { AlertPicker } from './AlertPicker'
import { FormError } from './FormError'
import { useLinkedAlerts } from './use-coordination-data'
import { useSubmit } from './use-submit'

/** How many open alerts the attach picker offers (most urgent first). */
const ATTACH_CHOICES = 200

function stateOf(a: LinkedAlert): string {
  if (a.status === 'closed') return 'closed'
  return a.acknowledged ? 'acknowledged' : 'open'
}

/** Alerts tied to the incident (paged or attached) and a searchable picker to attach more. */
export function LinkedAlertsPanel(props: { incidentId: string }): ReactElement {
  const { coordination, cache } = useCoordination()
  const linked = useLinkedAlerts(props.incidentId)
  const open = useLiveQuery(
    () =>
      cache.alerts
        .where('status')
        .equals('open')
        .sortBy('priorityRank')
        .then((rows) => rows.slice(0, ATTACH_CHOICES)),
    [cache],
  )
  const [chosen, setChosen] = useState<string[]>([])
  const submit = useSubmit()
  const messageOf = (a: LinkedAlert): string =>
    open?.find((o: AlertRow) => o.id === a.alertId || (a.alias && o.alias === a.alias))?.message ??
    a.alias ??
    a.alertId ??
    a.key
  const attach = (): void => {
    const alerts = (open ?? []).filter((o) => chosen.includes(o.id))
    if (alerts.length === 0) return
    void submit.run(async () => {
      for (const alert of alerts)
        await coordination.attachAlert(props.incidentId, {
          alertId: alert.id,
          alias: alert.alias,
          message: alert.message,
        })
      setChosen([])
    })
  }

  return (
    <section aria-labelledby="incident-linked-alerts">
      <h3 id="incident-linked-alerts">Linked alerts</h3>
      {linked?.length === 0 && <p className="muted">No alerts linked yet.</p>}
      <ul className="plain-list" aria-label="Linked alerts">
        {linked?.map((a) => (
          <li key={a.key}>
            {a.priority !== undefined && `${a.priority} `}
            {messageOf(a)} <span className={`state state--${stateOf(a)}`}>{stateOf(a)}</span>
            {a.owner !== undefined && <span className="muted"> owner {a.owner}</span>}
          </li>
        ))}
      </ul>
      <AlertPicker
        legend="Attach alerts"
        selected={chosen}
        onChange={setChosen}
        exclude={(linked ?? []).flatMap((l) => (l.alertId !== undefined ? [l.alertId] : []))}
      />
      <div className="button-row">
        <button type="button" disabled={submit.busy || chosen.length === 0} onClick={attach}>
          Attach {chosen.length > 1 ? `${chosen.length} alerts` : 'alert'}
        </button>
      </div>
      <FormError error={submit.error} />
    </section>
  )
}
