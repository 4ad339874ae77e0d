import { useCallback } from 'react'
import { useActionStore, type ActionRecord } from '../stores/action-store'
import { runAlertAction, type AlertActionRequest } from './alert-actions'
import { useServices } from './services'
import { useWorkspace } from './workspace-context'

/**
 * The one way the screen runs an alert action: buttons, and later the keyboard, the command
 * palette and notification buttons, all call `run`. The outcome lands in the action store.
 */
export function useAlertCommands(): { run(request: AlertActionRequest): Promise<ActionRecord> } {
  const services = useServices()
  const { config } = useWorkspace()
  const record = useActionStore((s) => s.record)
  const run = useCallback(
    (request: AlertActionRequest) =>
      runAlertAction(services.api, config.id, request, {
        record,
        ...(services.followDelayMs !== undefined ? { followDelayMs: services.followDelayMs } : {}),
      }),
    [services, config.id, record],
  )
  return { run }
}
