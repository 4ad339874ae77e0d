import type { z } from 'zod'
import type {
  Alert,
  Escalation,
  Incident,
  OnCall,
  Schedule,
  Service,
  Team,
  User,
} from '../../../shared/domain'
import type { Capabilities } from '../../../shared/ipc/schemas'
import type {
  AlertActionInput,
  CreateAlertInput,
  CreateIncidentInput,
  IncidentActionInput,
} from '../../../shared/provider/actions'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import type { RequestPriority } from '../governor'

type AlertActions = {
  [K in keyof typeof AlertActionInput]: (
    input: z.output<(typeof AlertActionInput)[K]>,
    priority?: RequestPriority,
  ) => Promise<ActionOutcome>
}

type IncidentActions = {
  [K in keyof typeof IncidentActionInput]: (
    input: z.output<(typeof IncidentActionInput)[K]>,
    priority?: RequestPriority,
  ) => Promise<ActionOutcome>
}

export interface ProviderNote {
  note: string
  createdAt?: string
}

export interface Page<T> {
  items: T[]
  next?: string
}

/**
 * What Ondeck asks of a paging provider, in domain terms. Writes never throw: they answer an
 * ActionOutcome the outbox can act on. Reads throw the provider's own error. Opsgenie is the first
 * adapter; a Jira Service Management Operations adapter implements the same interface.
 */
export interface Provider {
  readonly name: string
  capabilities(): Promise<Capabilities>
  readonly alerts: AlertActions & {
    create(
      input: z.output<typeof CreateAlertInput>,
      priority?: RequestPriority,
    ): Promise<ActionOutcome>
    get(id: string, by: 'id' | 'alias' | 'tiny'): Promise<Alert | null>
    list(query: string, cursor?: string, priority?: RequestPriority): Promise<Page<Alert>>
    /** The alert's notes (first page), so the outbox can look for its marker before a resend. */
    notes(id: string, by: 'id' | 'alias'): Promise<ProviderNote[] | null>
  }
  readonly incidents: IncidentActions & {
    create(
      input: z.output<typeof CreateIncidentInput>,
      priority?: RequestPriority,
    ): Promise<ActionOutcome>
    get(id: string): Promise<Incident | null>
    list(query: string, cursor?: string): Promise<Page<Incident>>
    /** The incident's notes (first page), for the outbox's marker lookup. */
    notes(id: string): Promise<ProviderNote[] | null>
  }
  /** Where an accepted request stands: still `accepted`, or `confirmed` / `rejected`. */
  requestStatus(domain: 'alert' | 'incident', requestId: string): Promise<ActionOutcome>
  /** Follows an accepted request until it is processed or `timeoutMs` passes. */
  follow(
    domain: 'alert' | 'incident',
    requestId: string,
    options?: { timeoutMs?: number; intervalMs?: number; priority?: RequestPriority },
  ): Promise<ActionOutcome>
  readonly directory: {
    services(cursor?: string): Promise<Page<Service>>
    teams(): Promise<Team[]>
    users(cursor?: string): Promise<Page<User>>
    schedules(): Promise<Schedule[]>
    onCalls(scheduleId: string, at?: string): Promise<OnCall>
    escalations(): Promise<Escalation[]>
  }
}
