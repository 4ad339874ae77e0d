import type { ReactElement } from 'react'
import type { AlertActionRequest } from '../../app/alert-actions'
import type { AlertRow } from '../../db/rows'
import { ACTION_LABELS, type ActionRecord } from '../../stores/action-store'
import { ActionForm } from './ActionForm'
import { useAlertViewStore } from '../../stores/alert-view-store'
import { FORM_ACTIONS } from './action-forms'

export interface AlertActionsProps {
  readonly alert: AlertRow
  onAction(request: AlertActionRequest): void
  readonly lastAction?: ActionRecord
  /** Set when the workspace's key cannot write: buttons are disabled and this says why. */
  readonly readOnlyReason?: string
  readonly usernames?: readonly string[]
}

const PHASE_TEXT: Readonly<Record<ActionRecord['phase'], string>> = {
  sending: 'sending…',
  accepted: 'accepted by Opsgenie, waiting for confirmation',
  confirmed: 'confirmed',
  throttled: 'throttled',
  offline: 'not sent: offline',
  rejected: 'rejected',
  unknown: 'outcome unknown',
  failed: 'failed',
}

/** The responder's actions on one alert and the outcome of the latest one. */
export function AlertActions(props: AlertActionsProps): ReactElement {
  const { alert, readOnlyReason } = props
  // In the store so `n` (keyboard) and the command palette can open "Add note" too.
  const form = useAlertViewStore((s) => s.openForm)
  const setForm = useAlertViewStore((s) => s.setOpenForm)
  const disabled = readOnlyReason !== undefined
  const closed = alert.status === 'closed'
  const quick = (action: 'acknowledge' | 'unacknowledge' | 'close'): void =>
    props.onAction({ action, alertId: alert.id, args: {} })

  return (
    <section className="alert-actions" aria-label="Actions">
      <div className="button-row" role="toolbar" aria-label="Alert actions">
        {alert.acknowledged ? (
          <button
            type="button"
            disabled={disabled || closed}
            onClick={() => quick('unacknowledge')}
          >
            Unacknowledge
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={disabled || closed}
            onClick={() => quick('acknowledge')}
          >
            Acknowledge
          </button>
        )}
        <button type="button" disabled={disabled || closed} onClick={() => quick('close')}>
          Close
        </button>
        {FORM_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            aria-expanded={form === action}
            disabled={disabled || (closed && action !== 'addNote')}
            onClick={() => setForm(form === action ? undefined : action)}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {readOnlyReason !== undefined && <p className="muted">Read-only: {readOnlyReason}</p>}
      {form !== undefined && (
        <ActionForm
          key={form}
          action={form}
          alertId={alert.id}
          currentPriority={alert.priority}
          {...(props.usernames !== undefined ? { usernames: props.usernames } : {})}
          onSubmit={(request) => {
            setForm(undefined)
            props.onAction(request)
          }}
          onCancel={() => setForm(undefined)}
        />
      )}
      <p
        className="action-outcome"
        role="status"
        aria-live="polite"
        data-phase={props.lastAction?.phase}
      >
        {props.lastAction !== undefined &&
          `${ACTION_LABELS[props.lastAction.action]}: ${PHASE_TEXT[props.lastAction.phase]}${
            props.lastAction.message !== undefined ? ` (${props.lastAction.message})` : ''
          }`}
      </p>
    </section>
  )
}
