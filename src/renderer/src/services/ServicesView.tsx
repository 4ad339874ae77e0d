import type { ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { useServiceRows, useTeams } from '../db/directory-reads'

/** The services imported from Opsgenie, with their owning team. */
export function ServicesView(): ReactElement {
  const { db } = useWorkspace()
  const services = useServiceRows(db)
  const teams = useTeams(db)
  const teamName = (id: string | undefined): string =>
    id === undefined ? '—' : (teams?.find((t) => t.id === id)?.name ?? id)

  return (
    <section className="page" aria-labelledby="services-title">
      <h2 id="services-title">Services</h2>
      {services?.length === 0 && <p className="muted">No services imported yet.</p>}
      {services !== undefined && services.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Team</th>
              <th scope="col">Tags</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} data-service-id={s.id}>
                <th scope="row">{s.name}</th>
                <td>{teamName(s.teamId)}</td>
                <td>{s.tags.join(', ')}</td>
                <td>{s.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
