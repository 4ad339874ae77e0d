import { FUTURE_SKEW_MS, toEpochNanos } from '../../../shared/domain'
import { padNs } from '../db/derive'
import type { AlertRow } from '../db/rows'

/** Main clamps event times past this skew; stored versions past it are not believed here. */
export { FUTURE_SKEW_MS }

/**
 * How long after a webhook arrived an API read must have been made to overrule it. Opsgenie's
 * list/search answers lag its writes by a few seconds, so a read made right after a real webhook
 * may not show it yet; a read made later than this shows the truth.
 */
export const API_SETTLE_MS = 10_000

/**
 * The newest stored version still believable at `nowMs` (padded ns). A row whose version is past
 * it was stamped by a far-future webhook before clamping existed: it orders nothing.
 */
export function trustBoundNs(nowMs: number): string {
  return padNs(toEpochNanos(Math.max(0, Math.trunc(nowMs + FUTURE_SKEW_MS))))
}

/** Whether an event at `eventNs` may change a row at `currentNs` (both padded). */
export function isAtLeastAsNew(eventNs: string, currentNs: string, boundNs: string): boolean {
  return eventNs >= currentNs || currentNs > boundNs
}

/**
 * The row after an API read of the alert (poll page, reconciliation, list), or undefined when the
 * read changes nothing. The read is Opsgenie's word, so it overrules webhook-derived state even
 * when a webhook claims a newer `updatedAt` (webhooks can be forged; API answers cannot), as long
 * as it was made after that webhook arrived. It never overrules a newer API read.
 */
export function afterApiRead(
  current: AlertRow | undefined,
  read: AlertRow,
  fetchedAt: number,
  boundNs: string,
): AlertRow | undefined {
  const deletion = current?.deletion
  const created = current?.created
  const row: AlertRow = {
    ...read,
    apiVersionNs: read.versionNs,
    ...(deletion !== undefined ? { deletion } : {}),
    // The creation entry is the timeline's, not Opsgenie's state: an API read keeps it.
    ...(created !== undefined ? { created } : {}),
  }
  if (current === undefined) return row
  if (current.apiVersionNs !== undefined && read.versionNs < current.apiVersionNs) return undefined
  if (isAtLeastAsNew(read.versionNs, current.versionNs, boundNs)) return row
  const webhookAt = current.webhookAt ?? -Infinity
  return fetchedAt >= webhookAt + API_SETTLE_MS ? row : undefined
}
