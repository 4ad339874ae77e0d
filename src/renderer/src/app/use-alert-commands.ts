import { useCallback } from 'react'
import type { CommandSpec } from '../outbox/commands'
import { useActionStore, type ActionRecord } from '../stores/action-store'
import type { AlertActionRequest } from './alert-actions'
import { useOutbox } from './outbox-context'

/** The outbox command an alert action becomes: the channel's kind with the alert and its args. */
export function alertCommandSpec(request: AlertActionRequest): CommandSpec {
  return {
    kind: `alerts:${request.action}`,
    input: { ...request.args, alertId: request.alertId },
  } as CommandSpec
}

/**
 * The one way the screen runs an alert action: buttons, the keyboard, the command palette and
 * notification buttons all call `run`. It queues the action in the outbox and says "queued" only
 * once the command is on disk; what happens to it next is the command's state (the outbox).
 */
export function useAlertCommands(): { run(request: AlertActionRequest): Promise<ActionRecord> } {
  const { engine } = useOutbox()
  const record = useActionStore((s) => s.record)
  const run = useCallback(
    async (request: AlertActionRequest): Promise<ActionRecord> => {
      const { action, alertId } = request
      let result: ActionRecord
      try {
        const command = await engine.enqueue(alertCommandSpec(request))
        result = { action, phase: 'queued', commandId: command.id, at: Date.now() }
      } catch (error) {
        result = { action, phase: 'failed', message: (error as Error).message, at: Date.now() }
      }
      record(alertId, result)
      return result
    },
    [engine, record],
  )
  return { run }
}
