import type { ReactElement } from 'react'
import { formatTime } from '../components/format'
import { entryOutcome, useIncidentTimeline } from './use-coordination-data'

const SOURCE: Readonly<Record<string, string>> = {
  local: 'You',
  upstream: 'Opsgenie',
  workflow: 'Automation',
}

/**
 * Everything that happened, oldest first. An entry that queued commands shows their live
 * outbox state ("queued", "sent", "failed"), so "done" never hides a page that did not go out.
 */
export function IncidentTimeline(props: { incidentId: string }): ReactElement {
  const rows = useIncidentTimeline(props.incidentId)
  return (
    <section aria-labelledby="local-incident-timeline">
      <h3 id="local-incident-timeline">Timeline</h3>
      <ol className="timeline" aria-label="Incident timeline">
        {rows?.map((row) => {
          const outcome = entryOutcome(row)
          const failure = row.commands.find((c) => c.failure !== undefined)?.failure
          return (
            <li key={row.id} className="timeline__entry" data-kind={row.kind}>
              <time className="timeline__at" dateTime={new Date(row.at).toISOString()}>
                {formatTime(row.at)}
              </time>{' '}
              <span className="timeline__who">{SOURCE[row.source] ?? row.source}</span>{' '}
              <span>{row.text}</span>
              {outcome !== undefined && (
                <span className={`outcome outcome--${outcome}`} data-outcome={outcome}>
                  {' '}
                  · {outcome}
                </span>
              )}
              {failure !== undefined && <span className="error"> ({failure.message})</span>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
