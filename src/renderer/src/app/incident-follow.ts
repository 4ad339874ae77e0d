import { liveQuery } from 'dexie'
import type { Incident } from '../../../shared/domain'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { OutboxDb } from '../outbox/outbox-db'
import type { OutboxCommand } from '../outbox/record'

/**
 * With a relay, intake streams alert webhooks only: Opsgenie sends none for incidents, and the
 * reconciliation lists open alerts. So an incident the responder creates or changes from here
 * would reach the cache at the next session start. This follows the workspace's incident commands
 * as the outbox confirms them and reads each incident back into the cache at once.
 */
export function followIncidentCommands(deps: {
  readonly outbox: OutboxDb
  readonly workspaceId: string
  readonly api: Pick<OndeckApi, 'incidents'>
  readonly applyIncidents: (incidents: readonly Incident[]) => Promise<unknown>
  /** Commands confirmed before this (epoch ms) are history: their incidents are in the cache. */
  readonly since: number
}): () => void {
  const { outbox, workspaceId, api } = deps
  const followed = new Set<string>()
  const read = async (command: OutboxCommand): Promise<void> => {
    const incidentId = incidentOf(command)
    if (incidentId === undefined) return
    const answer = await api.incidents.get({ workspaceId, incidentId })
    if (answer.ok && answer.value !== null) await deps.applyIncidents([answer.value])
  }
  const subscription = liveQuery(() =>
    outbox.commands
      .where('[workspaceId+state]')
      .equals([workspaceId, 'confirmed'])
      .filter((c) => c.kind.startsWith('incidents:') && c.updatedAt >= deps.since)
      .toArray(),
  ).subscribe({
    next: (commands) => {
      for (const command of commands) {
        if (followed.has(command.id)) continue
        followed.add(command.id)
        read(command).catch((error: unknown) =>
          console.warn('could not read back a changed incident', error),
        )
      }
    },
    error: (error: unknown) => console.error('incident follow failed', error),
  })
  return () => subscription.unsubscribe()
}

/** The incident a confirmed command changed: a create's new id, or the one it addressed. */
function incidentOf(command: OutboxCommand): string | undefined {
  if (command.kind === 'incidents:create') return command.entityId
  if (!command.kind.startsWith('incidents:')) return undefined
  // An incident still being created is addressed by its create command; that one reads it back.
  const { incidentId } = command.input as { incidentId?: string }
  return incidentId?.startsWith('ondeck-command:') === true ? undefined : incidentId
}
