import { toEpochNanos } from '../../../shared/domain'
import { padNs } from '../db/derive'
import type { AlertRow } from '../db/rows'

/**
 * How far a timestamp may be ahead of the clock that received it: ordinary clock skew between
 * Opsgenie, the relay and this machine. Anything further ahead is not a real time, and trusting it
 * would let one forged webhook (a Close dated 2255) outrank every real event after it.
 */
export const FUTURE_SKEW_MS = 5 * 60_000

/**
 * How long after a webhook arrived an API read must have been made to overrule it. Opsgenie's
 * list/search answers lag its writes by a few seconds, so a read made right after a real webhook
 * may not show it yet; a read made later than this shows the truth.
 */
export const API_SETTLE_MS = 10_000

/** The claimed `updatedAt` clamped to the relay's receivedAt, or undefined when it is plausible. */
export function clampToReceived(claimedNs: string, receivedMs: number): string | undefined {
  const limit = BigInt(Math.max(0, Math.trunc(receivedMs + FUTURE_SKEW_MS))) * 1_000_000n
  return BigInt(claimedNs) > limit ? toEpochNanos(Math.max(0, Math.trunc(receivedMs))) : undefined
}

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
  const row: AlertRow = {
    ...read,
    apiVersionNs: read.versionNs,
    ...(deletion !== undefined ? { deletion } : {}),
  }
  if (current === undefined) return row
  if (current.apiVersionNs !== undefined && read.versionNs < current.apiVersionNs) return undefined
  if (isAtLeastAsNew(read.versionNs, current.versionNs, boundNs)) return row
  const webhookAt = current.webhookAt ?? -Infinity
  return fetchedAt >= webhookAt + API_SETTLE_MS ? row : undefined
}
