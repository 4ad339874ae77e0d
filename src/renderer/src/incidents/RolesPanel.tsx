import { useState, type ReactElement } from 'react'
import type { LocalIncident } from './coordination'
import { useOnCalls } from '../db/directory-reads'
import { useCoordination } from './coordination-context'
import { FormError } from './FormError'
import { RoleDefinitions } from './RoleDefinitions'
import { useRoles } from './use-coordination-data'
import { useDirectoryChoices } from './use-directory'
import { useSubmit } from './use-submit'

/**
 * Roles and who holds them. "Assign on-call" takes the first user the cache says is on call for
 * the schedule (imported at connect); a workflow's assign action asks Opsgenie at run time.
 */
export function RolesPanel(props: { incident: LocalIncident }): ReactElement {
  const { coordination, cache } = useCoordination()
  const roles = useRoles()
  const { schedules, users } = useDirectoryChoices()
  const onCalls = useOnCalls(cache)
  const [role, setRole] = useState('')
  const [scheduleId, setScheduleId] = useState('')
  const [username, setUsername] = useState('')
  const submit = useSubmit()
  const roleId = role || roles?.[0]?.id || ''
  const onCallOf = (id: string): string | undefined =>
    onCalls?.find((o) => o.scheduleId === id)?.usernames[0]

  const assign = (who: string | undefined, why: string): void => {
    void submit.run(async () => {
      if (who === undefined) throw new Error(`nobody is known to be on call for ${why}`)
      await coordination.assignRole(props.incident.id, roleId, who)
    })
  }
  const scheduleName = schedules.find((s) => s.id === scheduleId)?.name ?? 'that schedule'

  return (
    <section aria-labelledby="incident-roles">
      <h3 id="incident-roles">Roles</h3>
      <dl className="fields">
        {roles?.map((r) => (
          <div className="fields__row" key={r.id}>
            <dt>{r.name}</dt>
            <dd>{props.incident.roles[r.id]?.username ?? 'Unassigned'}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <label className="field--inline">
          Role
          <select value={roleId} onChange={(e) => setRole(e.target.value)}>
            {roles?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field--inline">
          On-call of schedule
          <select value={scheduleId} onChange={(e) => setScheduleId(e.target.value)}>
            <option value="">Choose a schedule</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={submit.busy || roleId === '' || scheduleId === ''}
          onClick={() => assign(onCallOf(scheduleId), scheduleName)}
        >
          Assign on-call
        </button>
      </div>
      <div className="button-row">
        <label className="field--inline">
          User
          <select value={username} onChange={(e) => setUsername(e.target.value)}>
            <option value="">Choose a user</option>
            {users.map((u) => (
              <option key={u.id} value={u.username}>
                {u.fullName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={submit.busy || roleId === '' || username === ''}
          onClick={() => assign(username, 'the user')}
        >
          Assign user
        </button>
      </div>
      <FormError error={submit.error} />
      <RoleDefinitions />
    </section>
  )
}
