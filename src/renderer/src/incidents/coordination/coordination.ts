import type { ResponderRef, Severity } from '../../../../shared/domain'
import type { CacheDb } from '../../db/cache-db'
import type { Incident } from '../../../../shared/domain'
import type { AlertChange, IncidentChange } from '../../sync'
import type { CoordinationDb } from './coordination-db'
import type { CoordinationContext, CoordinationOutbox, CoordinationPort } from './context'
import { ensureDefaults, listRoles, saveRole } from './defaults'
import {
  addResponders,
  assignRole,
  changeDescription,
  changeSeverity,
  declareIncident,
  transitionIncident,
  type DeclareInput,
} from './incidents'
import { addIncidentNote, attachAlert } from './notes'
import { pageResponders, type PageOptions, type PageResult } from './paging'
import type {
  CoordinationSettings,
  ImportedService,
  LinkedAlert,
  LocalIncident,
  LocalIncidentStatus,
  RoleDefinition,
  ServicesImportProgress,
  TimelineEntry,
  WorkflowRun,
} from './records'
import { serviceOverview, setIncidentServices, type ServiceOverview } from './service-queries'
import {
  importedServices,
  importProgress,
  importServices,
  type ImportOptions,
} from './services-import'
import { getIncident, getSettings, updateSettings } from './incident-repository'
import { incidentTimeline } from './timeline'
import { onIngestChanges } from './upstream'
import {
  followIncidentChanges,
  linkOpsgenieIncident,
  searchOpsgenieIncidents,
} from './linked-incident'
import type { Workflow, WorkflowInput } from '../../workflows/workflow-schema'
import {
  deleteWorkflow,
  exportWorkflows,
  importWorkflows,
  listWorkflows,
  saveWorkflow,
} from '../../workflows/workflow-repository'
import { dryRunWorkflow, runWorkflows, type DryRun } from '../../workflows/workflows'

export interface CoordinationOptions {
  db: CoordinationDb
  /** The workspace's outbox engine: every outbound effect is one of its commands. */
  outbox: CoordinationOutbox
  port: CoordinationPort
  /**
   * The workspace's cache, whose directory resolves responders' names to ids for the re-page
   * rule (and whose alerts stand in for a live read that fails). Without it names and ids are
   * compared as given.
   */
  cache?: CacheDb
  workspaceId: string
  now?: () => number
  newId?: () => string
  /** Called when an incoming change could not be processed (the batch itself is already stored). */
  onError?(error: unknown): void
}

/** Everything the incident screens call; see README.md for the wiring. */
export interface Coordination {
  readonly workspaceId: string
  /** Creates default roles and workflows the first time a workspace connects. */
  connect(): Promise<void>
  declare(input: DeclareInput): Promise<LocalIncident>
  incident(id: string): Promise<LocalIncident>
  incidents(status?: LocalIncidentStatus): Promise<LocalIncident[]>
  changeSeverity(id: string, severity: Severity): Promise<LocalIncident>
  changeDescription(id: string, description: string): Promise<LocalIncident>
  addResponders(id: string, responders: ResponderRef[]): Promise<LocalIncident>
  transition(id: string, status: LocalIncidentStatus): Promise<LocalIncident>
  resolve(id: string): Promise<LocalIncident>
  assignRole(id: string, role: string, username: string): Promise<LocalIncident>
  addNote(id: string, text: string): Promise<void>
  attachAlert(
    id: string,
    ref: { alertId?: string; alias?: string; message?: string },
  ): Promise<LinkedAlert>
  linkedAlerts(id: string): Promise<LinkedAlert[]>
  page(
    id: string,
    targets: ResponderRef[],
    options?: Omit<PageOptions, 'causedBy' | 'workflowId'>,
  ): Promise<PageResult>
  timeline(id: string): Promise<TimelineEntry[]>
  /** Links an existing Opsgenie incident (by its id) instead of creating one. */
  linkOpsgenieIncident(id: string, opsgenieIncidentId: string): Promise<LocalIncident>
  /** Opsgenie incidents matching a search query (`incidents:list`), to pick one to link. */
  searchOpsgenieIncidents(query: string): Promise<Incident[]>
  /**
   * Feed `ingest.applyBatch(...)`'s `changes` and `incidents` here after every batch: linked
   * alerts and the linked Opsgenie incident are followed onto the local incidents.
   */
  onIngestChanges(
    changes: readonly AlertChange[],
    incidents?: readonly IncidentChange[],
  ): Promise<void>
  settings(): Promise<CoordinationSettings>
  updateSettings(
    change: Partial<Pick<CoordinationSettings, 'repageExistingResponders'>>,
  ): Promise<CoordinationSettings>
  roles(): Promise<RoleDefinition[]>
  saveRole(role: { id?: string; name: string; order?: number }): Promise<RoleDefinition>
  workflows(): Promise<Workflow[]>
  saveWorkflow(workflow: WorkflowInput): Promise<Workflow>
  deleteWorkflow(id: string): Promise<void>
  dryRun(workflow: WorkflowInput, incidentId: string): Promise<DryRun>
  runs(incidentId: string): Promise<WorkflowRun[]>
  exportWorkflows(): Promise<string>
  importWorkflows(json: string): Promise<number>
  importServices(options?: ImportOptions): Promise<ServicesImportProgress>
  servicesImportProgress(): Promise<ServicesImportProgress | undefined>
  services(): Promise<ImportedService[]>
  setIncidentServices(id: string, serviceIds: string[]): Promise<void>
  serviceOverview(cache: CacheDb, serviceId: string): Promise<ServiceOverview>
}

export function createCoordination(options: CoordinationOptions): Coordination {
  const ctx: CoordinationContext = {
    db: options.db,
    outbox: options.outbox,
    port: options.port,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    workspaceId: options.workspaceId,
    now: options.now ?? Date.now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    emit: async (event) => {
      await runWorkflows(ctx, event)
    },
  }
  const touch = async (id: string): Promise<LocalIncident> => getIncident(ctx, id)
  return {
    workspaceId: ctx.workspaceId,
    connect: async () => {
      await ensureDefaults(ctx)
    },
    declare: (input) => declareIncident(ctx, input),
    incident: touch,
    incidents: async (status) => {
      const rows = await ctx.db.incidents.where('workspaceId').equals(ctx.workspaceId).toArray()
      return rows
        .filter((i) => status === undefined || i.status === status)
        .sort((a, b) => b.declaredAt - a.declaredAt)
    },
    changeSeverity: (id, severity) => changeSeverity(ctx, id, severity),
    changeDescription: (id, description) => changeDescription(ctx, id, description),
    addResponders: async (id, responders) => (await addResponders(ctx, id, responders)).incident,
    transition: (id, status) => transitionIncident(ctx, id, status),
    resolve: (id) => transitionIncident(ctx, id, 'resolved'),
    assignRole: (id, role, username) => assignRole(ctx, id, role, username),
    addNote: async (id, text) => {
      await addIncidentNote(ctx, id, text)
    },
    attachAlert: (id, ref) => attachAlert(ctx, id, ref),
    linkedAlerts: (id) => ctx.db.linkedAlerts.where('incidentId').equals(id).toArray(),
    page: async (id, targets, pageOptions) =>
      pageResponders(ctx, await touch(id), targets, pageOptions),
    timeline: (id) => incidentTimeline(ctx.db, id),
    linkOpsgenieIncident: (id, opsgenieIncidentId) =>
      linkOpsgenieIncident(ctx, id, opsgenieIncidentId),
    searchOpsgenieIncidents: (query) => searchOpsgenieIncidents(ctx, query),
    onIngestChanges: async (changes, incidents = []) => {
      try {
        await onIngestChanges(ctx, changes)
      } catch (error) {
        options.onError?.(error)
      }
      try {
        await followIncidentChanges(ctx, incidents)
      } catch (error) {
        options.onError?.(error)
      }
    },
    settings: () => getSettings(ctx),
    updateSettings: (change) => updateSettings(ctx, change),
    roles: () => listRoles(ctx),
    saveRole: (role) => saveRole(ctx, role),
    workflows: () => listWorkflows(ctx),
    saveWorkflow: (workflow) => saveWorkflow(ctx, workflow),
    deleteWorkflow: (id) => deleteWorkflow(ctx, id),
    dryRun: async (workflow, incidentId) => dryRunWorkflow(ctx, workflow, await touch(incidentId)),
    runs: (incidentId) => ctx.db.runs.where('incidentId').equals(incidentId).sortBy('at'),
    exportWorkflows: () => exportWorkflows(ctx),
    importWorkflows: (json) => importWorkflows(ctx, json),
    importServices: (importOptions) => importServices(ctx, importOptions),
    servicesImportProgress: () => importProgress(ctx),
    services: () => importedServices(ctx),
    setIncidentServices: (id, serviceIds) => setIncidentServices(ctx, id, serviceIds),
    serviceOverview: (cache, serviceId) => serviceOverview(ctx, cache, serviceId),
  }
}
