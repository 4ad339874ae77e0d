import { useState, type FormEvent, type ReactElement } from 'react'
import { assertNever } from '../../../shared/assert-never'
import type { FormField } from '../../../shared/commands/catalogue'
import type { Priority } from '../../../shared/domain'
import { useOptionalWorkspace } from '../app/workspace-context'
import { useLiveQuery } from '../db/use-live-query'
import type { AlertActionRequest } from './alert-actions'
import {
  buildRequest,
  dependentsOf,
  formFields,
  formLabel,
  initialValues,
  pickChoices,
  type FormAction,
  type FormValues,
  type PickChoice,
  type PickDirectory,
} from './action-forms'

export interface ActionFormProps {
  readonly action: FormAction
  readonly alertId: string
  readonly currentPriority: Priority
  readonly usernames?: readonly string[]
  /** Names for `pick` fields; read from the open workspace's cache when not given. */
  readonly directory?: PickDirectory
  onSubmit(request: AlertActionRequest): void
  onCancel(): void
}

/** The open workspace's directory names, live from the cache; undefined outside a workspace. */
function useCachedDirectory(): PickDirectory | undefined {
  const db = useOptionalWorkspace()?.db
  return useLiveQuery(async (): Promise<PickDirectory | undefined> => {
    if (db === undefined) return undefined
    const [teams, users, schedules, escalations] = await Promise.all([
      db.teams.orderBy('name').toArray(),
      db.users.orderBy('username').toArray(),
      db.schedules.orderBy('name').toArray(),
      db.escalations.orderBy('name').toArray(),
    ])
    return {
      teams: teams.map((t) => t.name),
      users: users.map((u) => ({ username: u.username, fullName: u.fullName })),
      schedules: schedules.map((x) => x.name),
      escalations: escalations.map((e) => e.name),
    }
  }, [db])
}

/** The small form behind "Add note", "Assign", ...: its catalogue fields, a submit, a cancel. */
export function ActionForm(props: ActionFormProps): ReactElement {
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(props.action, { priority: props.currentPriority }),
  )
  const [error, setError] = useState<string | undefined>()
  const cached = useCachedDirectory()
  const directory = props.directory ?? cached
  const set = (name: string, value: string): void => {
    // a stale "required" error goes as soon as the responder fills the field in
    setError(undefined)
    const reset = Object.fromEntries(dependentsOf(props.action, name).map((d) => [d, '']))
    setValues((v) => ({ ...v, ...reset, [name]: value }))
  }
  const label = formLabel(props.action)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const built = buildRequest(props.action, props.alertId, values, Date.now())
    if (!built.ok) return setError(built.error)
    setError(undefined)
    props.onSubmit(built.request)
  }

  return (
    <form className="action-form" aria-label={label} onSubmit={submit} noValidate>
      {formFields(props.action).map((field) => (
        <label key={field.name} className="field">
          <span>{field.label}</span>
          <Control
            field={field}
            value={values[field.name] ?? ''}
            onChange={(value) => set(field.name, value)}
            choices={pickChoices(field, values, directory)}
            {...(props.usernames !== undefined ? { usernames: props.usernames } : {})}
          />
        </label>
      ))}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {label}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

interface ControlProps {
  readonly field: FormField
  readonly value: string
  readonly usernames?: readonly string[]
  readonly choices: readonly PickChoice[]
  onChange(value: string): void
}

const USERS_LIST = 'action-users'

/** One field's control, as its declaration says: a text box, a text area, a select or a pick. */
function Control({ field, value, usernames, choices, onChange }: ControlProps): ReactElement {
  const autoFocus = field.autoFocus ?? false
  switch (field.control) {
    case 'pick':
      // nothing cached for this list yet (directory not imported): typing a name still works
      if (choices.length === 0)
        return (
          <input autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)} />
        )
      return (
        <select autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )
    case 'textarea':
      return (
        <textarea
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={3}
        />
      )
    case 'select':
      return (
        <select autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)}>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )
    case 'text':
      return field.suggest === 'usernames' ? (
        <>
          <input
            autoFocus={autoFocus}
            list={USERS_LIST}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={USERS_LIST}>
            {usernames?.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </>
      ) : (
        <input autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)} />
      )
    default:
      return assertNever(field.control, 'form control')
  }
}
