import type { Table } from 'dexie'
import type { Migration } from '../../db/migrations'
import { VersionedDatabase } from '../../db/versioned-database'
import type {
  CoordinationSettings,
  ImportedService,
  LinkedAlert,
  LocalIncident,
  RoleDefinition,
  ServicesImportProgress,
  TimelineEntry,
  WorkflowRow,
  WorkflowRun,
} from './records'

/** Append only; each version says why (see `../db/README.md`). */
export const COORDINATION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    reason: 'incident coordination: incidents, linked alerts, timeline, roles, workflows, services',
    stores: {
      incidents: 'id, workspaceId, status, *serviceIds, opsgenieIncidentId, createCommandId',
      linkedAlerts: 'key, incidentId, alias, alertId',
      timeline: 'id, [incidentId+at]',
      roles: 'id, workspaceId',
      workflows: 'id, workspaceId',
      runs: 'id, workspaceId, incidentId, workflowId',
      settings: 'workspaceId',
      services: 'key, workspaceId, name',
      servicesImport: 'workspaceId',
    },
  },
]

export const coordinationDbName = (workspaceId: string): string =>
  `ondeck-coordination-${workspaceId}`

/**
 * The responder's own incident records, not a cache of Opsgenie: nothing here can be fetched
 * again, so it is written with strict durability like the outbox.
 */
export class CoordinationDb extends VersionedDatabase {
  declare readonly incidents: Table<LocalIncident, string>
  declare readonly linkedAlerts: Table<LinkedAlert, string>
  declare readonly timeline: Table<TimelineEntry, string>
  declare readonly roles: Table<RoleDefinition, string>
  declare readonly workflows: Table<WorkflowRow, string>
  declare readonly runs: Table<WorkflowRun, string>
  declare readonly settings: Table<CoordinationSettings, string>
  declare readonly services: Table<ImportedService, string>
  declare readonly servicesImport: Table<ServicesImportProgress, string>

  constructor(name: string, asOfVersion?: number) {
    super(name, COORDINATION_MIGRATIONS, asOfVersion, { durability: 'strict' })
  }
}
