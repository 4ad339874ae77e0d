import { useMemo } from 'react'
import type { EscalationRow, ScheduleRow, TeamRow, UserRow } from '../db/rows'
import { useSchedules, useServiceRows, useTeams, useUsers } from '../db/directory-reads'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from './coordination-context'
import { useImportedServices } from './use-coordination-data'

export interface ServiceChoice {
  id: string
  name: string
}

/** Names the pickers offer: the cached directory, plus services only the import has seen. */
export interface DirectoryChoices {
  teams: readonly TeamRow[]
  users: readonly UserRow[]
  schedules: readonly ScheduleRow[]
  escalations: readonly EscalationRow[]
  services: readonly ServiceChoice[]
}

export function useDirectoryChoices(): DirectoryChoices {
  const { cache } = useCoordination()
  const teams = useTeams(cache)
  const users = useUsers(cache)
  const schedules = useSchedules(cache)
  const escalations = useLiveQuery(() => cache.escalations.orderBy('name').toArray(), [cache])
  const cached = useServiceRows(cache)
  const imported = useImportedServices()
  const services = useMemo(() => {
    const byId = new Map<string, ServiceChoice>()
    for (const s of [...(cached ?? []), ...(imported ?? [])])
      byId.set(s.id, { id: s.id, name: s.name })
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [cached, imported])
  return {
    teams: teams ?? [],
    users: users ?? [],
    schedules: schedules ?? [],
    escalations: escalations ?? [],
    services,
  }
}
