import type { ReactElement } from 'react'
import type { LocalIncident } from './coordination'
import { createdByCommand } from '../outbox/commands'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'
import { LinkOpsgenieIncidentForm } from './LinkOpsgenieIncidentForm'

/**
 * The linked Opsgenie incident: its id and last known state once created or linked, or where its
 * create command stands; without one, the form that links an existing one.
 */
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
  else if (commandId === undefined)
    text = `${linked}${props.incident.opsgenieStatus !== undefined ? ` (${props.incident.opsgenieStatus})` : ''}`
  else if (command?.entityId !== undefined) text = command.entityId
  else text = `being created (${command?.state ?? 'queued'})`
  return (
    <section aria-labelledby="linked-opsgenie-incident">
      <h3 id="linked-opsgenie-incident">Linked Opsgenie incident</h3>
      <p data-testid="linked-opsgenie-incident">{text}</p>
      {linked === undefined && <LinkOpsgenieIncidentForm incident={props.incident} />}
      {command?.failure !== undefined && (
        <p className="error">Could not create it: {command.failure.message}</p>
      )}
    </section>
  )
}
