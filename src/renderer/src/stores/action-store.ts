import { create } from 'zustand'
import type { ActionOutcome } from '../../../shared/provider/outcome'

export const ALERT_ACTIONS = [
  'acknowledge',
  'unacknowledge',
  'close',
  'addNote',
  'assign',
  'addResponder',
  'escalate',
  'snooze',
  'setPriority',
] as const
export type AlertActionName = (typeof ALERT_ACTIONS)[number]

/**
 * `queued` once the outbox has the command on disk (its state says what happened next);
 * `sending` until main answers a direct call; `failed` when the call or the enqueue itself failed
 * (invalid input, closed database).
 */
export type ActionPhase = 'queued' | 'sending' | ActionOutcome['status'] | 'failed'

export interface ActionRecord {
  readonly action: AlertActionName
  readonly phase: ActionPhase
  readonly message?: string
  /** The outbox command the action became; the detail shows that command's state. */
  readonly commandId?: string
  readonly at: number
}

/**
 * The latest action taken on each alert and how it ended, so the detail can say "Acknowledge:
 * confirmed" or "Close: rejected (the key is read-only)". With the outbox, a queued action
 * points at its command and the command's state is shown instead.
 */
export interface ActionState {
  readonly byAlert: Readonly<Record<string, ActionRecord>>
}

export interface ActionActions {
  record(alertId: string, record: ActionRecord): void
  reset(): void
}

const initialState: ActionState = { byAlert: {} }

export const useActionStore = create<ActionState & ActionActions>()((set) => ({
  ...initialState,
  record: (alertId, record) => set((s) => ({ byAlert: { ...s.byAlert, [alertId]: record } })),
  reset: () => set(initialState),
}))

export function selectActionFor(alertId: string | undefined) {
  return (state: ActionState): ActionRecord | undefined =>
    alertId === undefined ? undefined : state.byAlert[alertId]
}

export const ACTION_LABELS: Readonly<Record<AlertActionName, string>> = {
  acknowledge: 'Acknowledge',
  unacknowledge: 'Unacknowledge',
  close: 'Close',
  addNote: 'Add note',
  assign: 'Assign',
  addResponder: 'Add responder',
  escalate: 'Escalate',
  snooze: 'Snooze',
  setPriority: 'Change priority',
}
