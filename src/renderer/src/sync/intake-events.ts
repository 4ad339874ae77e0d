import type { IntakeEvent } from '../../../shared/ipc/schemas'

/**
 * When each reconciliation in `events` began listing. Its reads arrive together after the last
 * page, so their arrival time overstates how fresh the first pages are; an API read overrules
 * webhooks only from when it was made (`afterApiRead`).
 */
export function reconcileStartsOf(events: readonly IntakeEvent[]): ReadonlyMap<string, number> {
  const starts = new Map<string, number>()
  for (const { payload } of events)
    if (payload.kind === 'open-alerts') starts.set(payload.reconcileId, payload.startedAt)
  return starts
}

/** The cursors table is keyed by stream; the cursor text says which (`relay:<id>`, `poll:<a>:<i>`). */
export function cursorKindOf(event: IntakeEvent): 'relay' | 'poll' | undefined {
  if (event.cursor === '') return undefined
  const prefix = event.cursor.slice(0, event.cursor.indexOf(':'))
  if (prefix === 'relay' || prefix === 'poll') return prefix
  return event.source === 'reconcile' ? undefined : event.source
}

/** The raw text a diagnostic keeps: a problem's own input, otherwise the event as main sent it. */
export function rawOf(event: IntakeEvent): string {
  return event.payload.kind === 'problem' ? event.payload.raw : JSON.stringify(event.payload)
}
