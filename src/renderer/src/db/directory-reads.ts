import type { CacheDb } from './cache-db'
import type {
  DiagnosticRow,
  EscalationRow,
  IncidentRow,
  OnCallRow,
  ScheduleRow,
  ServiceRow,
  TeamRow,
  UserRow,
} from './rows'
import { useLiveQuery } from './use-live-query'

export function useTeams(db: CacheDb): TeamRow[] | undefined {
  return useLiveQuery(() => db.teams.orderBy('name').toArray(), [db])
}

export function useServiceRows(db: CacheDb): ServiceRow[] | undefined {
  return useLiveQuery(() => db.services.orderBy('name').toArray(), [db])
}

export function useUsers(db: CacheDb): UserRow[] | undefined {
  return useLiveQuery(() => db.users.orderBy('username').toArray(), [db])
}

export function useSchedules(db: CacheDb): ScheduleRow[] | undefined {
  return useLiveQuery(() => db.schedules.orderBy('name').toArray(), [db])
}

export function useOnCalls(db: CacheDb): OnCallRow[] | undefined {
  return useLiveQuery(() => db.onCalls.toArray(), [db])
}

export function useIncidents(db: CacheDb): IncidentRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.incidents.toArray()).sort(
        (a, b) => a.priorityRank - b.priorityRank || b.createdMs - a.createdMs,
      ),
    [db],
  )
}

export function useIncident(db: CacheDb, id: string | undefined): IncidentRow | null | undefined {
  return useLiveQuery(
    async () => (id === undefined ? null : ((await db.incidents.get(id)) ?? null)),
    [db, id],
  )
}

/** Newest first, capped: diagnostics can pile up during a bad storm. */
export function useDiagnostics(db: CacheDb, limit = 500): DiagnosticRow[] | undefined {
  return useLiveQuery(
    () => db.diagnostics.orderBy('receivedAt').reverse().limit(limit).toArray(),
    [db, limit],
  )
}

export function useEscalations(db: CacheDb): EscalationRow[] | undefined {
  return useLiveQuery(() => db.escalations.orderBy('name').toArray(), [db])
}

/** The directory rows ids are resolved against (names, never ids, on screen), read together. */
export interface DirectoryRows {
  readonly teams: readonly TeamRow[]
  readonly users: readonly UserRow[]
  readonly schedules: readonly ScheduleRow[]
  readonly escalations: readonly EscalationRow[]
}

export function useDirectory(db: CacheDb): DirectoryRows | undefined {
  return useLiveQuery(
    async () => ({
      teams: await db.teams.toArray(),
      users: await db.users.toArray(),
      schedules: await db.schedules.toArray(),
      escalations: await db.escalations.toArray(),
    }),
    [db],
  )
}
