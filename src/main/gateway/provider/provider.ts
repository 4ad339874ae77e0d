import type {
  Alert,
  Escalation,
  Incident,
  OnCall,
  Schedule,
  Service,
  Team,
  UpstreamEvent,
  User,
} from '../../../shared/domain'
import type { Capabilities, PollStrategy } from '../../../shared/ipc/schemas'
import type { CommandKind, ParsedCommandInput } from '../../../shared/commands/catalogue'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import type { RequestPriority } from '../governor'

/**
 * The catalogue's commands of one domain (`alerts`, `incidents`) by verb: an adapter must
 * implement every one, so a command added to the catalogue is a compile error until it does.
 */
export type ProviderActions<D extends string> = {
  [K in CommandKind as K extends `${D}:${infer V}` ? V : never]: (
    input: ParsedCommandInput<K>,
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
 * One record from a feed listing. `id` and `updatedAt` key the poller's watermark and dedupe.
 * `record` is undefined when the provider's record does not map onto the domain, so one odd record
 * cannot stall a listing; `unreadable` then says why, with the record's raw JSON for diagnostics.
 */
export interface FeedItem<T> {
  readonly id: string
  /** ISO time of the last change, when the provider states one. */
  readonly updatedAt: string | undefined
  readonly record: T | undefined
  readonly unreadable?: { readonly reason: string; readonly raw: string }
}

export interface FeedOptions {
  /** Page size; the provider's own default when omitted. */
  readonly limit?: number
  readonly signal?: AbortSignal
}

/** Reads for intake, all at `sync` priority. Pages repeat items at their edges: dedupe by id. */
export interface ProviderFeed {
  /**
   * Reads one push event (a relay SSE frame's `data:` text) into a domain event; never throws:
   * what it cannot read comes back as a `problem` event. `receivedAtMs` dates a frame that carries
   * no readable receipt time of its own.
   */
  decodePush(frameText: string, receivedAtMs: number): UpstreamEvent
  /** Alerts updated at or after `since` (epoch ms), oldest change first across pages. */
  changedAlerts(
    since: number,
    cursor: string | undefined,
    options?: FeedOptions,
  ): Promise<Page<FeedItem<Alert>>>
  /** Incidents updated at or after `since`, in no promised order: the caller sorts. */
  changedIncidents(
    since: number,
    cursor: string | undefined,
    options?: FeedOptions,
  ): Promise<Page<FeedItem<Incident>>>
  /** Every open alert, for reconciliation. */
  openAlerts(cursor: string | undefined, options?: FeedOptions): Promise<Page<FeedItem<Alert>>>
  /** How the changed-since reads currently work, for Diagnostics; absent: nothing to say. */
  pollStrategy?(): PollStrategy
}

/**
 * Why a feed read failed, in provider-neutral terms, mapped once by the adapter: `unreachable`
 * passes by itself (network, timeout, 5xx), `throttled` waits, `refused` needs the responder
 * (`plan` and `wrong-key` mean this key can never read that kind of record).
 */
export type ReadFailure =
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'throttled'; readonly message: string }
  | {
      readonly kind: 'refused'
      readonly reason: 'bad-key' | 'wrong-key' | 'plan' | 'not-found' | 'invalid' | 'unexpected'
      readonly message: string
    }

/** What a feed read throws when the provider answered with a failure. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  constructor(
    readonly failure: ReadFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options)
  }
}

/**
 * What Ondeck asks of a paging provider, in domain terms. Writes never throw: they answer an
 * ActionOutcome the outbox can act on. Feed reads throw a ProviderError; other reads the provider's
 * own error. Opsgenie is the first adapter; a Jira Service Management Operations adapter implements
 * the same interface.
 */
export interface Provider {
  readonly name: string
  capabilities(): Promise<Capabilities>
  readonly alerts: ProviderActions<'alerts'> & {
    get(id: string, by: 'id' | 'alias' | 'tiny'): Promise<Alert | null>
    list(query: string, cursor?: string, priority?: RequestPriority): Promise<Page<Alert>>
    /** The alert's notes (first page), so the outbox can look for its marker before a resend. */
    notes(id: string, by: 'id' | 'alias'): Promise<ProviderNote[] | null>
  }
  readonly incidents: ProviderActions<'incidents'> & {
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
  /** What intake reads: changes since a watermark and the open alerts. */
  readonly feed: ProviderFeed
  readonly directory: {
    services(cursor?: string): Promise<Page<Service>>
    teams(): Promise<Team[]>
    users(cursor?: string): Promise<Page<User>>
    schedules(): Promise<Schedule[]>
    onCalls(scheduleId: string, at?: string): Promise<OnCall>
    escalations(): Promise<Escalation[]>
  }
}
