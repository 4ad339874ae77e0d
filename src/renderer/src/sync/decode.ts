import type { Alert, Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import { readIntakePayload } from './intake-payloads'
import { IngestProblem, readRelayFrame, type WebhookEvent } from './webhook-event'

/** One intake event read into what it asks of the cache; reading never touches the database. */
export type Decoded =
  | { readonly kind: 'webhook'; readonly event: WebhookEvent }
  | {
      readonly kind: 'alert'
      readonly alert: Alert
      /** Set on a reconciliation's reads: its `open-alerts` event says when listing began. */
      readonly reconcileId?: string
    }
  | { readonly kind: 'incident'; readonly incident: Incident }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      readonly alertIds: readonly string[]
    }
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly reason: string }

export function decode(event: IntakeEvent): Decoded {
  try {
    const source: string = event.source
    if (source === 'relay') {
      const frame = readRelayFrame(event.payload, event.receivedAt)
      // A reset only moves the cursor on; main runs a reconciliation to fill the gap.
      return frame.kind === 'reset' ? { kind: 'none' } : frame
    }
    if (source === 'poll' || source === 'reconcile') return readIntakePayload(event.payload)
    return { kind: 'problem', reason: `unknown intake source "${source}"` }
  } catch (error) {
    const reason =
      error instanceof IngestProblem ? error.message : `could not read event: ${String(error)}`
    return { kind: 'problem', reason }
  }
}

/**
 * When each reconciliation in `events` began listing. Its reads arrive together after the last
 * page, so their arrival time overstates how fresh the first pages are; an API read overrules
 * webhooks only from when it was made (`afterApiRead`). Parses only the few `open-alerts` events.
 */
export function reconcileStartsOf(events: readonly IntakeEvent[]): ReadonlyMap<string, number> {
  const starts = new Map<string, number>()
  for (const event of events) {
    if (event.source !== 'reconcile' || !event.payload.includes('open-alerts')) continue
    const d = decode(event)
    if (d.kind === 'open-alerts') starts.set(d.reconcileId, d.startedAt)
  }
  return starts
}

/** The cursors table is keyed by stream; the cursor text says which (`relay:<id>`, `poll:<a>:<i>`). */
export function cursorKindOf(event: IntakeEvent): 'relay' | 'poll' | undefined {
  if (event.cursor === '') return undefined
  const prefix = event.cursor.slice(0, event.cursor.indexOf(':'))
  if (prefix === 'relay' || prefix === 'poll') return prefix
  return event.source === 'reconcile' ? undefined : event.source
}
