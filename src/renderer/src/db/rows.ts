import type {
  Activity,
  Alert,
  Escalation,
  Incident,
  OnCall,
  Schedule,
  Service,
  Team,
  User,
} from '../../../shared/domain'

/**
 * What the cache stores. Rows are the domain entities plus the few derived fields the hot views
 * index on; derived fields are computed in one place (`derive.ts`) whenever a row is written.
 */
export interface AlertRow extends Alert {
  /** 1 (P1) .. 5 (P5): sorts "most urgent first" with a plain ascending index. */
  priorityRank: number
  /** 1 when open and unacknowledged, else 0 (IndexedDB cannot index booleans). */
  needsAck: 0 | 1
  /** Epoch ms of createdAt, for index ordering. */
  createdMs: number
  /**
   * The newest upstream change applied, as epoch nanoseconds in decimal text, zero-padded to 20
   * digits so string order is time order. An event older than this never overwrites the row.
   */
  versionNs: string
  /** Lower-cased message, alias, tags and entity, for search. */
  searchText: string
  /**
   * The `versionNs` of the newest API read (poll, reconciliation, list) applied. An API read is
   * authoritative over webhook-derived state, but never over a newer API read.
   */
  apiVersionNs?: string
  /** When main received the last webhook that changed the row (epoch ms, main's clock). */
  webhookAt?: number
  /**
   * A Delete webhook arrived and Opsgenie has not yet been asked (`pending`) or could not answer
   * (`unconfirmed`, e.g. offline). The alert stays shown until the API says it is gone: a webhook
   * alone never hides an alert. Absent on an alert not being deleted.
   */
  deletion?: DeletionState
  /**
   * The alert's creation on its timeline, kept on the row instead of as a timeline row of its own,
   * so ingesting an alert is one write, not two; `readTimeline` adds it back as the `created`
   * entry. Caches written before this keep their `<alertId>|Create` entries; both are read.
   */
  created?: CreatedEntry
}

/** What the `created` timeline entry says, and every Create delivery applied (the dedup record). */
export interface CreatedEntry {
  /** Epoch ns text of the earliest Create seen. */
  readonly at: string
  readonly action: string
  readonly actor?: string
  readonly text?: string
  /** Every Create delivery key applied: finding a key here is finding a repeat delivery. */
  readonly keys: readonly string[]
}

export type DeletionState = 'pending' | 'unconfirmed'

/** A Delete webhook waiting for the API to confirm that the alert is gone (`pendingDeletes`). */
export interface PendingDeleteRow {
  alertId: string
  state: DeletionState
  /** When main received the (first) Delete webhook, epoch ms. */
  requestedAt: number
  /** Failed confirmation reads so far; the next waits longer. */
  attempts: number
  /** Epoch ms before which the confirmer does not ask again. */
  nextAttemptAt: number
  /** The Delete webhook as received, for the diagnostic if Opsgenie still has the alert. */
  raw: string
  lastError?: string
}

export interface IncidentRow extends Incident {
  priorityRank: number
  createdMs: number
  versionNs: string
}

export type ServiceRow = Service
export type TeamRow = Team
export type UserRow = User
export type ScheduleRow = Schedule
export type EscalationRow = Escalation
/** On-call rows are keyed by schedule; `at` is when the answer was true. */
export type OnCallRow = OnCall

export interface ActivityRow extends Activity {
  subjectKind: 'alert' | 'incident'
  subjectId: string
  /**
   * The webhook delivery keys this entry stands for, besides its id. A webhook's entry is keyed by
   * its delivery key, so finding the entry is finding the key: dedup needs no row of its own. Only
   * the one Create entry per alert (`alertId|Create`) lists keys: every Create delivery applied.
   */
  seenKeys?: readonly string[]
}

/** Where intake resumes after a restart; written in the same transaction as what it covers. */
export interface CursorRow {
  source: 'relay' | 'poll'
  cursor: string
  updatedAt: number
}

export interface SettingRow {
  key: string
  value: unknown
}

/** An event ingest could not understand: kept, shown in diagnostics, never dropped silently. */
export interface DiagnosticRow {
  id?: number
  receivedAt: number
  source: string
  reason: string
  raw: string
}

/**
 * `deleted|<alertId>` tombstones (kept for the relay's 72 h retention), written once the API has
 * confirmed a deletion, so a late event never brings a deleted alert back. Repeat deliveries are recognised by their timeline entry (`seenKeys`).
 */
export interface SeenEventRow {
  key: string
  at: number
}
