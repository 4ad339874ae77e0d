import { useState, type ReactElement } from 'react'
import { PRIORITIES, type IncidentStatus, type Priority } from '../../../shared/domain'
import { useWorkspace } from '../app/workspace-context'
import { useTeams, useUsers } from '../db/directory-reads'
import type { IncidentRow } from '../db/rows'
import { useOutbox } from '../outbox/outbox-context'
import { isPriority } from '../workflows/workflow-draft'
import { FormError } from './FormError'
import { useSubmit } from './use-submit'

type StatusKind = 'incidents:resolve' | 'incidents:close' | 'incidents:reopen'

/** The status moves Opsgenie allows from each status, as the catalogue's commands. */
const MOVES: Readonly<Record<IncidentStatus, readonly { kind: StatusKind; label: string }[]>> = {
  open: [
    { kind: 'incidents:resolve', label: 'Resolve' },
    { kind: 'incidents:close', label: 'Close' },
  ],
  resolved: [
    { kind: 'incidents:close', label: 'Close' },
    { kind: 'incidents:reopen', label: 'Reopen' },
  ],
  closed: [{ kind: 'incidents:reopen', label: 'Reopen' }],
}

/**
 * Opsgenie's actions on one of its incidents: status, note, responders and priority. Each is an
 * outbox command like the alert actions, so it is applied at once (pending overlay), survives
 * going offline and shows in the Outbox.
 */
export function OpsgenieIncidentActions(props: { incident: IncidentRow }): ReactElement {
  const { incident } = props
  const { engine } = useOutbox()
  const { db } = useWorkspace()
  const teams = useTeams(db) ?? []
  const users = useUsers(db) ?? []
  const [note, setNote] = useState('')
  const [responder, setResponder] = useState('')
  const [priority, setPriority] = useState<Priority>(incident.priority)
  const [done, setDone] = useState<string>()
  const submit = useSubmit()
  const incidentId = incident.id
  const run = (what: string, call: () => Promise<unknown>): void => {
    setDone(undefined)
    void submit.run(call).then((ok) => ok && setDone(`${what}: queued`))
  }

  return (
    <section aria-label="Incident actions" className="incident-actions">
      <div role="toolbar" aria-label="Incident status" className="button-row">
        {MOVES[incident.status].map((m) => (
          <button
            key={m.kind}
            type="button"
            className={m.kind === 'incidents:resolve' ? 'primary' : undefined}
            disabled={submit.busy}
            onClick={() =>
              run(m.label, () => engine.enqueue({ kind: m.kind, input: { incidentId } }))
            }
          >
            {m.label}
          </button>
        ))}
        <label className="field--inline">
          Priority
          <select
            value={priority}
            onChange={(e) => isPriority(e.target.value) && setPriority(e.target.value)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={submit.busy || priority === incident.priority}
          onClick={() =>
            run('Change priority', () =>
              engine.enqueue({ kind: 'incidents:setPriority', input: { incidentId, priority } }),
            )
          }
        >
          Change priority
        </button>
      </div>
      <div className="button-row">
        <label className="field--inline field--grow">
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={submit.busy || note.trim() === ''}
          onClick={() =>
            run('Add note', async () => {
              await engine.enqueue({
                kind: 'incidents:addNote',
                input: { incidentId, note: note.trim() },
              })
              setNote('')
            })
          }
        >
          Add note
        </button>
      </div>
      <div className="button-row">
        <label className="field--inline">
          Responder
          <select value={responder} onChange={(e) => setResponder(e.target.value)}>
            <option value="">Choose a team or user</option>
            {teams.map((t) => (
              <option key={t.id} value={`team:${t.id}`}>
                {t.name} (team)
              </option>
            ))}
            {users.map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.fullName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={submit.busy || responder === ''}
          onClick={() => {
            const [type, id] = responder.split(':', 2)
            if ((type !== 'team' && type !== 'user') || id === undefined) return
            run('Add responders', async () => {
              await engine.enqueue({
                kind: 'incidents:addResponders',
                input: { incidentId, responders: [{ type, id }] },
              })
              setResponder('')
            })
          }}
        >
          Add responder
        </button>
      </div>
      <FormError error={submit.error} />
      {done !== undefined && <p role="status">{done}</p>}
    </section>
  )
}
