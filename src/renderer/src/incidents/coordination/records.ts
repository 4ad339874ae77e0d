import type { IncidentStatus, Priority, ResponderRef, Severity } from '../../../../shared/domain'
import type { Workflow } from '../../workflows/workflow-schema'

export type LocalIncidentStatus = 'started' | 'mitigated' | 'resolved'

export interface RoleHolder {
  username: string
  assignedAt: number
}

/** The responder's own incident. `opsgenieIncidentId` may be `incidentCreatedBy(cmd)` until the create is confirmed. */
export interface LocalIncident {
  id: string
  workspaceId: string
  title: string
  severity: Severity
  serviceIds: string[]
  incidentType?: string
  tags: string[]
  description: string
  status: LocalIncidentStatus
  roles: Record<string, RoleHolder>
  /** Who is on the linked Opsgenie incident (teams and users), as we asked for them. */
  responders: ResponderRef[]
  opsgenieIncidentId?: string
  createCommandId?: string
  /** Set once a resolve of the linked Opsgenie incident is queued, so it is queued once. */
  resolveCommandId?: string
  /**
   * The linked Opsgenie incident's state as last known here: what we asked for (resolve, reopen)
   * or what the cache reported. A resolve is not queued for one already resolved, and a reopen
   * only for one that is.
   */
  opsgenieStatus?: IncidentStatus
  declaredAt: number
  updatedAt: number
}

/** An Opsgenie alert tied to a local incident: one we paged (alias known first) or one attached. */
export interface LinkedAlert {
  key: string
  incidentId: string
  alias?: string
  alertId?: string
  commandId?: string
  responders: ResponderRef[]
  status: 'open' | 'closed'
  acknowledged: boolean
  owner?: string
  priority?: Priority
  /** The workflows whose runs caused this alert: their triggers on it are not run again. */
  causedBy: string[]
  linkedAt: number
}

export type TimelineSource = 'local' | 'upstream' | 'workflow'
export type TimelineOutcome = 'done' | 'queued' | 'skipped' | 'failed'

export interface TimelineEntry {
  id: string
  incidentId: string
  at: number
  source: TimelineSource
  kind: string
  text: string
  outcome?: TimelineOutcome
  commandIds?: string[]
  workflowId?: string
}

export interface RoleDefinition {
  id: string
  workspaceId: string
  name: string
  order: number
}

export interface WorkflowRow extends Workflow {
  workspaceId: string
}

export interface WorkflowRun {
  id: string
  workspaceId: string
  workflowId: string
  incidentId?: string
  trigger: string
  at: number
  outcome: 'done' | 'skipped' | 'failed' | 'partial'
  sentences: string[]
}

export interface CoordinationSettings {
  workspaceId: string
  /** Off by default: a page skips responders already on the linked open alert or incident. */
  repageExistingResponders: boolean
  defaultsCreated: boolean
}

export interface ImportedService {
  key: string
  workspaceId: string
  id: string
  name: string
  description?: string
  teamId?: string
  tags: string[]
  importedAt: number
}

/** Where the services import stands; the cursor is written with each page's rows. */
export interface ServicesImportProgress {
  workspaceId: string
  state: 'running' | 'interrupted' | 'done'
  cursor?: string
  done: number
  /** Known so far (pages seen + one more page while `cursor` is set). */
  totalKnown: number
  startedAt: number
  updatedAt: number
  error?: string
}
