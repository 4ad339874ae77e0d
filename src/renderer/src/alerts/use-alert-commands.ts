import { useCallback } from 'react'
import type { CommandSpec } from '../outbox/commands'
import { useAlertViewStore } from './alert-view-store'
import type { AlertActionRequest } from './alert-actions'
import { useOutbox } from '../outbox/outbox-context'
import { useUndoStore } from '../outbox/undo-store'
import type { AlertActionName } from '../../../shared/commands/catalogue'

/**
 * Actions one key can do by mistake and nobody can take back upstream: held in the outbox for
 * `undoHoldMs` with Undo. Undo rather than a confirm for P1/P2: the same path for every priority,
 * no dialog to click through by reflex at 3 a.m., and nothing slower for the right row.
 */
const HELD: Partial<Record<AlertActionName, string>> = { close: 'Closing' }

/** The outbox command an alert action becomes: the channel's kind with the alert and its args. */
export function alertCommandSpec(request: AlertActionRequest): CommandSpec {
  return {
    kind: `alerts:${request.action}`,
    input: { ...request.args, alertId: request.alertId },
  } as CommandSpec
}

/** Queued (the command's id, its state is in the outbox), or refused before it got there. */
export type RunResult = { ok: true; commandId: string } | { ok: false; message: string }

/**
 * The one way the screen runs an alert action: buttons, the keyboard, the command palette and
 * notification buttons all call `run`. It queues the action in the outbox and says "queued" only
 * once the command is on disk; what happens to it next is the command's state (the outbox). An
 * action refused before it was queued (invalid input, closed database) is noted in the alert
 * view's store, since the outbox never saw it.
 */
export function useAlertCommands(): { run(request: AlertActionRequest): Promise<RunResult> } {
  const { engine } = useOutbox()
  const refuse = useAlertViewStore((s) => s.refuse)
  const hold = useUndoStore((s) => s.hold)
  const run = useCallback(
    async (request: AlertActionRequest): Promise<RunResult> => {
      const { action, alertId } = request
      try {
        const verb = HELD[action]
        const command = await engine.enqueue(alertCommandSpec(request), {
          hold: verb !== undefined,
        })
        refuse(alertId, undefined)
        if (verb !== undefined && engine.settings.undoHoldMs > 0)
          hold({ commandId: command.id, alertId, verb, until: command.nextAt })
        return { ok: true, commandId: command.id }
      } catch (error) {
        const message = (error as Error).message
        refuse(alertId, { action, message, at: Date.now() })
        return { ok: false, message }
      }
    },
    [engine, refuse, hold],
  )
  return { run }
}
