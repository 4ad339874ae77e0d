import type {
  ImportedService,
  LinkedAlert,
  LocalIncident,
  RoleDefinition,
  ServicesImportProgress,
  TimelineEntry,
  Workflow,
} from './coordination'
import type { CommandState, OutboxCommand } from '../outbox/record'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'

/*
 * Every read goes through the `Coordination` API inside a Dexie live query: the API reads its
 * own database, so workflow runs and upstream events re-render the screens without a store.
 */

export function useLocalIncidents(): LocalIncident[] | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(() => coordination.incidents(), [coordination])
}

/** `null` when the incident is not (or no longer) in this workspace. */
export function useLocalIncident(id: string | undefined): LocalIncident | null | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(async () => {
    if (id === undefined) return null
    return (await coordination.incidents()).find((i) => i.id === id) ?? null
  }, [coordination, id])
}

export function useLinkedAlerts(id: string): LinkedAlert[] | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(() => coordination.linkedAlerts(id), [coordination, id])
}

export function useRoles(): RoleDefinition[] | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(() => coordination.roles(), [coordination])
}

export function useWorkflows(): Workflow[] | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(() => coordination.workflows(), [coordination])
}

export function useImportedServices(): ImportedService[] | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(() => coordination.services(), [coordination])
}

export function useImportProgress(): ServicesImportProgress | null | undefined {
  const { coordination } = useCoordination()
  return useLiveQuery(
    async () => (await coordination.servicesImportProgress()) ?? null,
    [coordination],
  )
}

/** A timeline entry with the live state of the outbox commands it queued. */
export interface TimelineRow extends TimelineEntry {
  readonly commands: readonly Pick<OutboxCommand, 'id' | 'state' | 'failure'>[]
}

export function useIncidentTimeline(id: string): TimelineRow[] | undefined {
  const { coordination, outboxDb } = useCoordination()
  return useLiveQuery(async () => {
    const entries = await coordination.timeline(id)
    const ids = [...new Set(entries.flatMap((e) => e.commandIds ?? []))]
    const commands =
      outboxDb === undefined || ids.length === 0
        ? []
        : await outboxDb.commands.where('id').anyOf(ids).toArray()
    const byId = new Map(commands.map((c) => [c.id, c]))
    return entries.map((e) => ({
      ...e,
      commands: (e.commandIds ?? []).flatMap((cid) => {
        const c = byId.get(cid)
        return c === undefined ? [] : [{ id: c.id, state: c.state, failure: c.failure }]
      }),
    }))
  }, [coordination, outboxDb, id])
}

/** "sent" once every command is confirmed, "failed" if any failed, else the entry's own outcome. */
export function entryOutcome(row: Pick<TimelineRow, 'outcome' | 'commands'>): string | undefined {
  const states: CommandState[] = row.commands.map((c) => c.state)
  if (states.length === 0) return row.outcome
  if (states.some((s) => s === 'failed' || s === 'expired')) return 'failed'
  if (states.some((s) => s === 'cancelled')) return 'cancelled'
  if (states.every((s) => s === 'confirmed')) return 'sent'
  if (states.some((s) => s === 'waiting')) return 'waiting'
  return 'queued'
}
