import { z } from 'zod'

/**
 * One timeline entry of an alert or an incident: something that happened, who did it and when.
 * `at` keeps Opsgenie's full precision as a decimal string of epoch nanoseconds, because webhook
 * timestamps exceed 2^53 and a float would reorder entries that happened within a microsecond.
 */
export const ActivityKind = z.enum([
  'created',
  'acknowledged',
  'unacknowledged',
  'assigned',
  'took-ownership',
  'note',
  'team-added',
  'responder-added',
  'tags-added',
  'tags-removed',
  'escalated',
  'snoozed',
  'priority-changed',
  'closed',
  'deleted',
  'resolved',
  'reopened',
  'custom-action',
  'unknown',
])
export type ActivityKind = z.infer<typeof ActivityKind>

export const Activity = z.object({
  id: z.string().min(1),
  subject: z.object({ kind: z.enum(['alert', 'incident']), id: z.string().min(1) }),
  kind: ActivityKind,
  /** Opsgenie's own action name, kept for custom actions and diagnostics. */
  action: z.string(),
  actor: z.string().optional(),
  at: z.string().regex(/^\d+$/, 'epoch nanoseconds as a decimal string'),
  text: z.string().optional(),
})
export type Activity = z.infer<typeof Activity>

/** Converts epoch milliseconds or nanoseconds (number, bigint or decimal text) to ns text. */
export function toEpochNanos(value: number | bigint | string): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') {
    if (!/^\d+$/.test(value)) throw new Error(`not an epoch timestamp: ${value}`)
    return value.length >= 17 ? value : (BigInt(value) * 1_000_000n).toString()
  }
  if (!Number.isFinite(value) || value < 0) throw new Error(`not an epoch timestamp: ${value}`)
  // Values below 1e14 are milliseconds (1e14 ms is year 5138); above that they were nanoseconds.
  return value < 1e14
    ? (BigInt(Math.trunc(value)) * 1_000_000n).toString()
    : BigInt(value).toString()
}
