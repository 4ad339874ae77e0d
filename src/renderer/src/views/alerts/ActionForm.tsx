import { useState, type FormEvent, type ReactElement } from 'react'
import { PRIORITIES, RESPONDER_TYPES, type Priority } from '../../../../shared/domain'
import type { AlertActionRequest } from '../../app/alert-actions'
import { ACTION_LABELS } from '../../stores/action-store'
import {
  buildRequest,
  EMPTY_FORM,
  SNOOZE_CHOICES,
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

/** The small form behind "Add note", "Assign", ...: one or two fields, a submit, a cancel. */
export function ActionForm(props: ActionFormProps): ReactElement {
  const [values, setValues] = useState<FormValues>({
    ...EMPTY_FORM,
    priority: props.currentPriority,
  })
  const [error, setError] = useState<string | undefined>()
  const set = (patch: Partial<FormValues>): void => setValues((v) => ({ ...v, ...patch }))
  const label = ACTION_LABELS[props.action]

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const built = buildRequest(props.action, props.alertId, values, Date.now())
    if (!built.ok) return setError(built.error)
    setError(undefined)
    props.onSubmit(built.request)
  }

  return (
    <form className="action-form" aria-label={label} onSubmit={submit} noValidate>
      {props.action === 'addNote' && (
        <label className="field">
          <span>Note</span>
          <textarea
            autoFocus
            value={values.note}
            onChange={(e) => set({ note: e.target.value })}
            rows={3}
          />
        </label>
      )}
      {props.action === 'assign' && (
        <label className="field">
          <span>Owner username</span>
          <input
            autoFocus
            list="action-users"
            value={values.owner}
            onChange={(e) => set({ owner: e.target.value })}
          />
          <datalist id="action-users">
            {props.usernames?.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </label>
      )}
      {props.action === 'addResponder' && (
        <>
          <label className="field">
            <span>Responder type</span>
            <select
              value={values.responderType}
              onChange={(e) =>
                set({ responderType: e.target.value as FormValues['responderType'] })
              }
            >
              {RESPONDER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Responder name</span>
            <input
              autoFocus
              value={values.responderName}
              onChange={(e) => set({ responderName: e.target.value })}
            />
          </label>
        </>
      )}
      {props.action === 'escalate' && (
        <label className="field">
          <span>Escalation name</span>
          <input
            autoFocus
            value={values.escalation}
            onChange={(e) => set({ escalation: e.target.value })}
          />
        </label>
      )}
      {props.action === 'snooze' && (
        <label className="field">
          <span>Snooze for</span>
          <select
            autoFocus
            value={values.snoozeMinutes}
            onChange={(e) => set({ snoozeMinutes: Number(e.target.value) })}
          >
            {SNOOZE_CHOICES.map((c) => (
              <option key={c.minutes} value={c.minutes}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.action === 'setPriority' && (
        <label className="field">
          <span>New priority</span>
          <select
            autoFocus
            value={values.priority}
            onChange={(e) => set({ priority: e.target.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
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
