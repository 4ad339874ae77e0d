import type { ReactElement } from 'react'
import type { LocalIncident } from './coordination'
import { createdByCommand } from '../outbox/commands'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'

/** The linked Opsgenie incident: its id once created, or where its create command stands. */
export function LinkedOpsgenieIncident(props: { incident: LocalIncident }): ReactElement {
  const { outboxDb } = useCoordination()
  const linked = props.incident.opsgenieIncidentId
  const commandId = linked === undefined ? undefined : createdByCommand(linked)
  const command = useLiveQuery(
    async () =>
      commandId === undefined || outboxDb === undefined
        ? null
        : ((await outboxDb.commands.where('id').equals(commandId).first()) ?? null),
    [outboxDb, commandId],
  )
  let text: string
  if (linked === undefined) text = 'None'
  else if (commandId === undefined) text = linked
  else if (command?.entityId !== undefined) text = command.entityId
  else text = `being created (${command?.state ?? 'queued'})`
  return (
    <section aria-labelledby="linked-opsgenie-incident">
      <h3 id="linked-opsgenie-incident">Linked Opsgenie incident</h3>
      <p data-testid="linked-opsgenie-incident">{text}</p>
      {command?.failure !== undefined && (
        <p className="error">Could not create it: {command.failure.message}</p>
      )}
    </section>
  )
}
