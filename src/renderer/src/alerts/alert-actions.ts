import type { AlertActionName, CommandInput } from '../../../shared/commands/catalogue'

export type { AlertActionName } from '../../../shared/commands/catalogue'

type Args<K extends AlertActionName> = Omit<CommandInput<`alerts:${K}`>, 'alertId'>

/**
 * One responder action on one alert, with whatever that action needs (note, owner, ...). The
 * screen never sends it directly: `useAlertCommands().run` queues it in the outbox.
 */
export type AlertActionRequest = {
  [K in AlertActionName]: { action: K; alertId: string; args: Args<K> }
}[AlertActionName]
