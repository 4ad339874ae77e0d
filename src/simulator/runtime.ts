import type { Plan, Principal } from './auth'
import { uuid } from '../shared/uuid'
import type { Reply } from './router'
import type { SearchOptions } from './search-fields'
import type { RequestRecord, SimulatorState } from './store'
import type { WebhookEvent } from './webhook-payload'

/** The outcome of an async write, as the request-status endpoint reports it. */
export interface Outcome {
  isSuccess: boolean
  status: string
  entityId: string
  alias?: string
}

export interface RuntimeOptions {
  state: SimulatorState
  plan: Plan
  processingDelayMs: number
  baseUrl: () => string
  emit: (event: WebhookEvent) => void
  search?: SearchOptions
}

/**
 * Shared services for handlers. `accept` is Opsgenie's async write model: answer 202 with a
 * request id now, apply the change after the processing delay (at least one tick later).
 */
export class Runtime {
  readonly state: SimulatorState
  readonly plan: Plan
  readonly baseUrl: () => string
  readonly emit: (event: WebhookEvent) => void
  /** How strictly search queries are read (documented fields only, unless a test opts in). */
  readonly search: SearchOptions
  private readonly processingDelayMs: number
  private readonly timers = new Set<NodeJS.Timeout>()
  private settledWaiters: (() => void)[] = []

  constructor(o: RuntimeOptions) {
    this.state = o.state
    this.plan = o.plan
    this.baseUrl = o.baseUrl
    this.emit = o.emit
    this.search = o.search ?? {}
    this.processingDelayMs = o.processingDelayMs
  }

  now(): number {
    return Date.now()
  }

  accept(
    domain: RequestRecord['domain'],
    action: string,
    principal: Principal,
    work: (requestId: string) => Outcome,
  ): Reply {
    const record: RequestRecord = {
      id: uuid(),
      domain,
      action,
      integrationId: principal.integrationId,
      receivedAt: this.now(),
    }
    this.state.requests.set(record.id, record)
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      let outcome: Outcome
      try {
        outcome = work(record.id)
      } catch (error) {
        outcome = { isSuccess: false, status: `Internal error: ${String(error)}`, entityId: '' }
      }
      record.processed = {
        at: this.now(),
        isSuccess: outcome.isSuccess,
        status: outcome.status,
        entityId: outcome.entityId,
        alias: outcome.alias ?? '',
      }
      if (this.timers.size === 0) for (const resolve of this.settledWaiters.splice(0)) resolve()
    }, this.processingDelayMs)
    this.timers.add(timer)
    return { status: 202, body: { result: 'Request will be processed', requestId: record.id } }
  }

  /** Resolves once every accepted request has been processed. */
  settled(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.settledWaiters.push(resolve))
  }

  /** Pending requests are dropped on close; they never complete. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const resolve of this.settledWaiters.splice(0)) resolve()
  }
}
