import { z } from 'zod'

/** Outbox knobs; the staleness limits are responder settings, the rest tuning for tests. */
export const OutboxSettings = z.object({
  /** Older than this (ms since queued or last confirmed), a command asks before it is sent. */
  confirmAfterMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** Older than this, a command that was never sent expires into the "not sent" list. */
  expireAfterMs: z
    .number()
    .int()
    .positive()
    .default(24 * 60 * 60_000),
  /** Full-jitter exponential backoff for network errors and 5xx: base * 2^attempt, capped. */
  backoffBaseMs: z.number().int().positive().default(1_000),
  backoffCapMs: z.number().int().positive().default(60_000),
  /**
   * How long after a send of unknown outcome (dropped answer, crash) the outbox waits before
   * reconciling: long enough for the request to finish in main and for Opsgenie to process it,
   * so the lookup does not miss an effect that is merely late.
   */
  reconcileAfterMs: z.number().int().nonnegative().default(30_000),
  /** Confirmed and cancelled commands are deleted this long after they finished (on start). */
  pruneAfterMs: z
    .number()
    .int()
    .positive()
    .default(7 * 24 * 60 * 60_000),
  /**
   * How long a destructive one-key action (close) waits in the outbox before it is sent, so Undo
   * can still withdraw it: long enough to see the wrong row went, short enough not to delay a fix.
   */
  undoHoldMs: z.number().int().nonnegative().default(5_000),
  /** Between request-status polls of an accepted request. */
  followIntervalMs: z.number().int().positive().default(500),
  /**
   * While the relay stream is live, how long an accepted command waits for the webhook of its own
   * action to confirm it before its request id is followed after all (one request saved per
   * command when the webhook comes in time).
   */
  observeWindowMs: z.number().int().nonnegative().default(4_000),
  /**
   * While commands wait for the network, how often one of them is tried as a probe (jittered to
   * 50-100 % of this, so desktops do not probe together); when it gets through, every lane waiting
   * for the network is woken at once.
   */
  probeIntervalMs: z.number().int().positive().default(1_000),
})
export type OutboxSettings = z.output<typeof OutboxSettings>
export type OutboxSettingsInput = z.input<typeof OutboxSettings>

export function outboxSettings(input: OutboxSettingsInput = {}): OutboxSettings {
  const parsed = OutboxSettings.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RangeError(
      `invalid outbox setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    )
  }
  if (parsed.data.expireAfterMs <= parsed.data.confirmAfterMs) {
    throw new RangeError('outbox setting expireAfterMs must be longer than confirmAfterMs')
  }
  return parsed.data
}
