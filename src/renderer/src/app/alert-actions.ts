import type { RequestInput } from '../../../shared/ipc/contract'
import type { AlertActionName } from '../stores/action-store'

type Args<K extends AlertActionName> = Omit<RequestInput<`alerts:${K}`>, 'workspaceId' | 'alertId'>

/**
 * One responder action on one alert, with whatever that action needs (note, owner, ...). The
 * screen never sends it directly: `useAlertCommands().run` queues it in the outbox.
 */
export type AlertActionRequest = {
  [K in AlertActionName]: { action: K; alertId: string; args: Args<K> }
}[AlertActionName]
