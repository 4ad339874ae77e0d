import { useState, type FormEvent, type ReactElement } from 'react'
import type { RoleDefinition } from './coordination'
import { useCoordination } from './coordination-context'
import { FormError } from './FormError'
import { useRoles } from './use-coordination-data'
import { useSubmit } from './use-submit'

/**
 * The workspace's role definitions: rename one (its id stays, so whoever holds it keeps it) or
 * add one. Roles are not deleted here: incidents may still name a holder for them.
 */
export function RoleDefinitions(): ReactElement {
  const { coordination } = useCoordination()
  const roles = useRoles()
  const [added, setAdded] = useState('')
  const submit = useSubmit()

  const add = (event: FormEvent): void => {
    event.preventDefault()
    void submit.run(async () => {
      await coordination.saveRole({ name: added })
      setAdded('')
    })
  }

  return (
    <details className="role-definitions">
      <summary>Edit role definitions</summary>
      <ul className="plain-list" aria-label="Role definitions">
        {roles?.map((r) => (
          <li key={`${r.id}-${r.name}`}>
            <RenameRole role={r} rename={(name) => submit.run(() => rename(r, name))} />
          </li>
        ))}
      </ul>
      <form className="button-row" onSubmit={add}>
        <label className="field--inline">
          New role
          <input value={added} onChange={(e) => setAdded(e.target.value)} />
        </label>
        <button type="submit" disabled={submit.busy || added.trim() === ''}>
          Add role
        </button>
      </form>
      <FormError error={submit.error} />
    </details>
  )

  async function rename(role: RoleDefinition, name: string): Promise<void> {
    await coordination.saveRole({ id: role.id, name, order: role.order })
  }
}

function RenameRole(props: {
  role: RoleDefinition
  rename(name: string): Promise<boolean>
}): ReactElement {
  const [name, setName] = useState(props.role.name)
  const changed = name.trim() !== '' && name.trim() !== props.role.name
  const save = (event: FormEvent): void => {
    event.preventDefault()
    if (changed) void props.rename(name)
  }
  return (
    <form className="button-row" onSubmit={save}>
      <label className="field--inline">
        <span className="visually-hidden">Name of role {props.role.name}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" disabled={!changed} aria-label={`Rename ${props.role.name}`}>
        Rename
      </button>
    </form>
  )
}
