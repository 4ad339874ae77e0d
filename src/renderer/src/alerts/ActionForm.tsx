import { useState, type FormEvent, type ReactElement } from 'react'
import { assertNever } from '../../../shared/assert-never'
import type { FormField } from '../../../shared/commands/catalogue'
import type { Priority } from '../../../shared/domain'
import type { AlertActionRequest } from './alert-actions'
import {
  buildRequest,
  formFields,
  formLabel,
  initialValues,
  type FormAction,
  type FormValues,
} from './action-forms'

export interface ActionFormProps {
  readonly action: FormAction
  readonly alertId: string
  readonly currentPriority: Priority
  readonly usernames?: readonly string[]
  onSubmit(request: AlertActionRequest): void
  onCancel(): void
}

/** The small form behind "Add note", "Assign", ...: its catalogue fields, a submit, a cancel. */
export function ActionForm(props: ActionFormProps): ReactElement {
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(props.action, { priority: props.currentPriority }),
  )
  const [error, setError] = useState<string | undefined>()
  const set = (name: string, value: string): void => setValues((v) => ({ ...v, [name]: value }))
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
  onChange(value: string): void
}

const USERS_LIST = 'action-users'

/** One field's control, as its declaration says: a text box, a text area or a select. */
function Control({ field, value, usernames, onChange }: ControlProps): ReactElement {
  const autoFocus = field.autoFocus ?? false
  switch (field.control) {
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
