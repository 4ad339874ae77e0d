import type { ReactElement } from 'react'
import { alertActionLabel, rulesOf } from '../../../shared/commands/catalogue'
import type { AlertActionRequest } from './alert-actions'
import type { AlertRow } from '../db/rows'
import { describeState } from '../outbox/describe'
import type { OutboxCommand } from '../outbox/record'
import { ActionForm } from './ActionForm'
import { useAlertViewStore, type ActionRefusal } from './alert-view-store'
import { FORM_ACTIONS } from './action-forms'
import { KeyHint } from '../components/KeyHint'
import { useNavigationStore } from '../app/navigation-store'
import { useCoordinationViewStore } from '../incidents/coordination-view-store'
import { ALERT_FORM_KEYS, KEYMAP } from '../keyboard/keymap'
import { useAcknowledgeKey } from '../notifications/ringing-registry'
import { useOptionalWorkspace } from '../app/workspace-context'

export interface AlertActionsProps {
  readonly alert: AlertRow
  onAction(request: AlertActionRequest): void
  /** The latest outbox command on this alert: its state is the outcome shown. */
  readonly lastCommand?: OutboxCommand
  /** The latest action, when it was refused before it was queued: shown instead of `lastCommand`. */
  readonly refusal?: ActionRefusal
  /** Commands on this alert that failed for good: no longer applied, and this says why. */
  readonly failedCommands?: readonly OutboxCommand[]
  /** Set when the workspace's key cannot write: buttons are disabled and this says why. */
  readonly readOnlyReason?: string
  readonly usernames?: readonly string[]
}

const commandAction = (c: OutboxCommand): string => rulesOf(c.kind).label

/**
 * The outcome line: the state of the latest command on the alert (the outbox is the one record
 * of what happened to it), unless the latest action never reached the outbox: then why (a
 * refusal lasts until the next action on the alert is queued).
 */
function outcomeOf(props: AlertActionsProps): { phase?: string; text: string; commandId?: string } {
  const { refusal, lastCommand } = props
  if (refusal !== undefined) {
    return {
      phase: 'failed',
      text: `${alertActionLabel(refusal.action)}: failed (${refusal.message})`,
    }
  }
  if (lastCommand === undefined) return { text: '' }
  return {
    phase: lastCommand.state,
    text: `${commandAction(lastCommand)}: ${describeState(lastCommand, Date.now())}`,
    commandId: lastCommand.id,
  }
}

/** Opens Incidents with the Declare form prefilled from the alert (title, priority, services). */
function declareFrom(alertId: string): void {
  useCoordinationViewStore.getState().startDeclare(alertId)
  useNavigationStore.getState().go('incidents')
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
  // While something else rings, `a` acknowledges that, not this alert: no key is shown then.
  const ackKey = useAcknowledgeKey(useOptionalWorkspace()?.config.id, alert.id)
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
            {alertActionLabel('unacknowledge')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={disabled || closed}
            onClick={() => quick('acknowledge')}
          >
            {alertActionLabel('acknowledge')}
            {ackKey !== undefined && (
              <>
                {' '}
                <KeyHint keys={ackKey} />
              </>
            )}
          </button>
        )}
        <button type="button" disabled={disabled || closed} onClick={() => quick('close')}>
          {alertActionLabel('close')} <KeyHint keys={KEYMAP.close} />
        </button>
        {FORM_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            aria-expanded={form === action}
            disabled={disabled || (closed && action !== 'addNote')}
            onClick={() => setForm(form === action ? undefined : action)}
          >
            {alertActionLabel(action)} <KeyHint keys={ALERT_FORM_KEYS[action]} />
          </button>
        ))}
        <button type="button" disabled={disabled} onClick={() => declareFrom(alert.id)}>
          Declare incident <KeyHint keys={KEYMAP.declareIncident} />
        </button>
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
          {commandAction(c)} was not applied: {c.failure?.message ?? 'it failed'}. Opsgenie refused
          it for good; see the Outbox.
        </p>
      ))}
    </section>
  )
}
