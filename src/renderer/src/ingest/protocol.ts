import type { Alert, Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { AlertChange, IncidentChange } from '../sync'

/**
 * The messages between the page and the ingest worker (`ingest.worker.ts`). Both ends are this
 * app's own code and the events were checked against the IPC contract where they entered the page
 * (`ipc/checked-events.ts`), so nothing here is parsed again: structured clone carries them as is.
 */
export type IngestRequest =
  | { readonly type: 'open'; readonly id: number; readonly workspaceId: string }
  /** One slice of a batch's events; a large batch crosses in slices so no one post is long. */
  | { readonly type: 'events'; readonly batch: number; readonly events: readonly IntakeEvent[] }
  | { readonly type: 'applyBatch'; readonly id: number; readonly batch: number }
  | { readonly type: 'applyAlerts'; readonly id: number; readonly alerts: readonly Alert[] }
  | {
      readonly type: 'applyIncidents'
      readonly id: number
      readonly incidents: readonly Incident[]
    }
  | { readonly type: 'pruneSeen'; readonly id: number }
  | { readonly type: 'close'; readonly id: number }

export type IngestReply =
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly type: 'result'
      readonly id: number
      readonly ok: false
      readonly error: { readonly name: string; readonly message: string }
    }
  /** After each committed chunk of a batch: its changes, and how far the batch is. */
  | {
      readonly type: 'chunk'
      readonly id: number
      readonly done: number
      readonly total: number
      readonly changes: readonly AlertChange[]
      readonly incidents: readonly IncidentChange[]
    }

/** The ends of a channel as both a `Worker` and the worker's own scope offer them. */
export interface Port<In, Out> {
  postMessage(message: Out): void
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void
}

/** How many events cross in one message: a few ms of structured clone on the page. */
export const EVENTS_PER_MESSAGE = 500
/**
 * Posting continues in one task until this much time went by, then yields: a yield can wait out a
 * frame, so yielding after every message made handing 100,000 events over take seconds.
 */
export const POST_BUDGET_MS = 8
/** Changes per message back to the page: a few ms to decode there, whatever the chunk size. */
export const CHANGES_PER_MESSAGE = 250
