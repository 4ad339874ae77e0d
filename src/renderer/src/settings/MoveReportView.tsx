import type { ReactElement } from 'react'
import type { MoveReport } from '../migration/move-workspace'

/** What the move matched and what it could not, so nothing goes missing silently. */
export function MoveReportView({ report }: { readonly report: MoveReport }): ReactElement {
  const { alerts, incidents, workflows } = report
  const matched = alerts.matchedByAlias + alerts.matchedByMessage
  return (
    <section className="move-report" aria-label="What the move carried over">
      <ul>
        <li>
          Alerts: {matched} matched ({alerts.matchedByAlias} by alias, {alerts.matchedByMessage} by
          message and time), {alerts.unmatched.length} not matched
        </li>
        <li>
          Incident links: {incidents.relinked} re-pointed, {incidents.lost.length} not matched
        </li>
        <li>
          Workflow targets: {workflows.resolved} found on JSM, {workflows.unmatched.length} not
          matched
        </li>
        {report.outboxHeld > 0 && (
          <li>
            Outbox: {report.outboxHeld} actions queued for Opsgenie wait for you to send them to JSM
            ({report.outboxRepointed} re-pointed to their JSM alert)
          </li>
        )}
      </ul>
      {alerts.unmatched.length > 0 && (
        <>
          <h5>Alerts not matched (kept as they were)</h5>
          <ul data-testid="move-unmatched-alerts">
            {alerts.unmatched.map((u) => (
              <li key={u.from}>
                {u.message}: {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {workflows.unmatched.length > 0 && (
        <>
          <h5>Workflow targets not matched (still pointing at Opsgenie)</h5>
          <ul data-testid="move-unmatched-targets">
            {workflows.unmatched.map((u) => (
              <li key={`${u.workflow}|${u.kind}|${u.target}`}>
                {u.workflow}: {u.kind} {u.target}: {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {incidents.lost.length > 0 && (
        <p>
          {incidents.lost.length} alert links of local incidents point at alerts with no JSM match;
          they are kept as they were.
        </p>
      )}
    </section>
  )
}
