import type { ReactElement } from 'react'
import type { AlertActionRequest } from '../../app/alert-actions'
import type { AlertRow } from '../../db/rows'
import { describeState } from '../../outbox/describe'
import type { OutboxCommand } from '../../outbox/record'
import { ACTION_LABELS, type ActionRecord } from '../../stores/action-store'
import { ActionForm } from './ActionForm'
import { useAlertViewStore } from '../../stores/alert-view-store'
import { FORM_ACTIONS } from './action-forms'

export interface AlertActionsProps {
  readonly alert: AlertRow
  onAction(request: AlertActionRequest): void
  readonly lastAction?: ActionRecord
  /** The latest outbox command on this alert: its state is the outcome shown. */
  readonly lastCommand?: OutboxCommand
  /** Commands on this alert that failed for good: no longer applied, and this says why. */
  readonly failedCommands?: readonly OutboxCommand[]
  /** Set when the workspace's key cannot write: buttons are disabled and this says why. */
  readonly readOnlyReason?: string
  readonly usernames?: readonly string[]
}

const PHASE_TEXT: Readonly<Record<ActionRecord['phase'], string>> = {
  queued: 'queued',
  sending: 'sending…',
  accepted: 'accepted by Opsgenie, waiting for confirmation',
  confirmed: 'confirmed',
  throttled: 'throttled',
  offline: 'not sent: offline',
  rejected: 'rejected',
  unknown: 'outcome unknown',
  failed: 'failed',
}

const commandAction = (c: OutboxCommand): string => {
  const name = c.kind.slice('alerts:'.length)
  return name in ACTION_LABELS ? ACTION_LABELS[name as keyof typeof ACTION_LABELS] : name
}

/**
 * The outcome line: the state of the command the latest action became (or of the latest command
 * on the alert, after a restart), else how the action ended before reaching the outbox.
 */
function outcomeOf(props: AlertActionsProps): { phase?: string; text: string; commandId?: string } {
  const { lastAction, lastCommand } = props
  if (lastCommand !== undefined) {
    const text = describeState(lastCommand, Date.now())
    return {
      phase: lastCommand.state,
      text: `${commandAction(lastCommand)}: ${text}`,
      commandId: lastCommand.id,
    }
  }
  if (lastAction === undefined) return { text: '' }
  const message = lastAction.message !== undefined ? ` (${lastAction.message})` : ''
  return {
    phase: lastAction.phase,
    text: `${ACTION_LABELS[lastAction.action]}: ${PHASE_TEXT[lastAction.phase]}${message}`,
    ...(lastAction.commandId !== undefined ? { commandId: lastAction.commandId } : {}),
  }
}

/** The responder's actions on one alert and the outcome of the latest one. */
export function AlertActions(props: AlertActionsProps): ReactElement {
  const { alert, readOnlyReason } = props
  // In the store so `n` (keyboard) and the command palette can open "Add note" too.
  const form = useAlertViewStore((s) => s.openForm)
  const setForm = useAlertViewStore((s) => s.setOpenForm)
  const disabled = readOnlyReason !== undefined
  const closed = alert.status === 'closed'
  const outcome = outcomeOf(props)
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
        data-phase={outcome.phase}
        data-command-id={outcome.commandId}
      >
        {outcome.text}
      </p>
      {props.failedCommands?.map((c) => (
        <p key={c.id} className="action-failed" role="alert" data-command-id={c.id}>
          {commandAction(c)} was not applied: {c.failure?.message ?? 'it failed'}. See the Outbox to
          retry it.
        </p>
      ))}
    </section>
  )
}
