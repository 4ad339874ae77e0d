import type { ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { formatTime } from '../components/format'
import { useDiagnostics } from '../db/directory-reads'
import { ExportDiagnostics } from './ExportDiagnostics'
import { PollStrategyNote } from './PollStrategyNote'

/**
 * The export for support requests, and events ingest could not understand: kept and shown here,
 * never dropped silently.
 */
export function DiagnosticsView(): ReactElement {
  const { db } = useWorkspace()
  const rows = useDiagnostics(db)
  return (
    <section className="page" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <ExportDiagnostics />
      <PollStrategyNote />
      <p className="muted">Events that could not be applied to the local cache, newest first.</p>
      {rows?.length === 0 && <p>Nothing to report.</p>}
      {rows !== undefined && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Source</th>
              <th scope="col">Reason</th>
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-diagnostic-id={row.id}>
                <td>{formatTime(row.receivedAt)}</td>
                <td>{row.source}</td>
                <td>{row.reason}</td>
                <td>
                  <details>
                    <summary>Raw ({row.raw.length} chars)</summary>
                    <pre className="raw">{row.raw.slice(0, 4000)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
