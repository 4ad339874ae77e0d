import { z } from 'zod'

/**
 * What happened to one request sent to the provider. The outbox decides what to do next from
 * this alone, so every case a responder's action can end in is named here:
 * - accepted: the provider took it asynchronously (Opsgenie 202) and gave a request id to follow;
 * - confirmed: the provider says it took effect (after following the request id, or a sync call);
 * - throttled: refused by a rate limit; nothing happened; may be sent again at `retryAt`;
 * - offline: never reached the provider (no network, connection refused); nothing happened;
 * - rejected: the provider refused it for good (bad key, plan, not found, invalid input);
 * - unknown: sent, but the answer was lost (timeout, reset, 5xx): it may or may not have happened.
 */
export const RejectionKind = z.enum([
  'bad-key',
  'wrong-key',
  'plan',
  'not-found',
  'invalid',
  'failed',
])
export type RejectionKind = z.infer<typeof RejectionKind>

export const ActionOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), requestId: z.string().min(1) }),
  z.object({
    status: z.literal('confirmed'),
    requestId: z.string().optional(),
    entityId: z.string().optional(),
  }),
  z.object({ status: z.literal('throttled'), retryAt: z.number(), reason: z.string().optional() }),
  z.object({ status: z.literal('offline'), message: z.string() }),
  z.object({
    status: z.literal('rejected'),
    kind: RejectionKind,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ status: z.literal('unknown'), message: z.string(), requestId: z.string().optional() }),
])
export type ActionOutcome = z.infer<typeof ActionOutcome>
