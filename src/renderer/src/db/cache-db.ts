import type { Table } from 'dexie'
import { CACHE_MIGRATIONS } from './migrations'
import type {
  ActivityRow,
  AlertRow,
  CursorRow,
  DiagnosticRow,
  EscalationRow,
  IncidentRow,
  OnCallRow,
  PendingDeleteRow,
  ScheduleRow,
  SeenEventRow,
  ServiceRow,
  SettingRow,
  TeamRow,
  UserRow,
} from './rows'
import { VersionedDatabase } from './versioned-database'

/** One cache database per workspace, created at the composition root and injected. */
export class CacheDb extends VersionedDatabase {
  declare alerts: Table<AlertRow, string>
  declare incidents: Table<IncidentRow, string>
  declare services: Table<ServiceRow, string>
  declare teams: Table<TeamRow, string>
  declare users: Table<UserRow, string>
  declare schedules: Table<ScheduleRow, string>
  declare onCalls: Table<OnCallRow, string>
  declare escalations: Table<EscalationRow, string>
  declare activity: Table<ActivityRow, string>
  declare cursors: Table<CursorRow, string>
  declare settings: Table<SettingRow, string>
  declare diagnostics: Table<DiagnosticRow, number>
  declare seenEvents: Table<SeenEventRow, string>
  declare pendingDeletes: Table<PendingDeleteRow, string>

  constructor(
    /** Whose cache this is; the ingest worker opens the same database by it. */
    readonly workspaceId: string,
    asOfVersion?: number,
  ) {
    super(cacheDbName(workspaceId), CACHE_MIGRATIONS, asOfVersion)
  }
}

export function cacheDbName(workspaceId: string): string {
  return `ondeck-cache-${workspaceId}`
}
