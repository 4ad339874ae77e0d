import { z } from 'zod'
import { ActivityKind } from './activity'
import { Alert, Incident } from './entities'
import { ResponderRef } from './responder'

const IsoTime = z.string().datetime({ offset: true })
/** Epoch nanoseconds as decimal text: webhook stamps exceed 2^53, so they never become numbers. */
const EpochNs = z.string().regex(/^\d+$/, 'epoch nanoseconds as a decimal string')

/**
 * What one push event does to the alert's state beyond the fields it carries. The provider names
 * its own actions; this is the closed set the renderer knows how to apply.
 */
export const AlertEffect = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('acknowledged') }),
  z.object({ kind: z.literal('unacknowledged') }),
  z.object({ kind: z.literal('closed') }),
  z.object({ kind: z.literal('snoozed'), until: IsoTime.optional() }),
  z.object({ kind: z.literal('owner'), username: z.string().min(1) }),
  /** Upstream says it deleted the alert; the renderer confirms with the API before hiding it. */
  z.object({ kind: z.literal('deleted') }),
])
export type AlertEffect = z.infer<typeof AlertEffect>

/**
 * The alert's tags after the event: the full list (`set`), or only the change when the event
 * carried no list (`add`/`remove`, applied to the tags as cached).
 */
export const TagChange = z.object({
  kind: z.enum(['set', 'add', 'remove']),
  tags: z.array(z.string()),
})
export type TagChange = z.infer<typeof TagChange>

/** The alert fields a push event may state; any it states replace the cached ones. */
export const AlertFields = Alert.pick({
  message: true,
  tinyId: true,
  alias: true,
  entity: true,
  source: true,
  description: true,
  priority: true,
  details: true,
}).partial()
export type AlertFields = z.infer<typeof AlertFields>

/**
 * One change to one alert from a push source (a relayed webhook), already read by the provider.
 * `key` is the source's dedup key: every delivery of one logical change has the same key, so a
 * repeat is recognised. State changes only when `versionNs` is at least as new as the cached row;
 * the timeline entry (`activity`, `action`, `atNs`, `actor`, `text`) is written regardless.
 */
export const AlertEvent = z.object({
  kind: z.literal('alert-event'),
  key: z.string().min(1),
  alertId: z.string().min(1),
  activity: ActivityKind,
  /** The provider's own name for the action, shown on the timeline. */
  action: z.string().min(1),
  /** When it happened (unpadded), or when it was received if the event carries no time. */
  atNs: EpochNs,
  /** The alert's version after the change; absent when the event carries no state to order by. */
  versionNs: EpochNs.optional(),
  /** The stamp the event claimed when it was too far ahead of its receipt to believe. */
  clampedFromNs: EpochNs.optional(),
  actor: z.string().min(1).optional(),
  text: z.string().optional(),
  fields: AlertFields,
  /** When the alert was created, for a first sight of it; never later than `versionNs`. */
  createdAt: IsoTime.optional(),
  addTeams: z.array(z.string()),
  addResponders: z.array(ResponderRef),
  tags: TagChange.optional(),
  effect: AlertEffect,
})
export type AlertEvent = z.infer<typeof AlertEvent>

/**
 * Everything main sends the renderer about upstream, in domain terms. `alert` and `incident` are
 * API reads (poll pages, reconciliation); `open-alerts` ends a reconciliation run; `gap` says the
 * source skipped events (only the cursor moves; a reconciliation fills the gap); `problem` is
 * input the provider could not read, kept with its raw text for diagnostics.
 */
export const UpstreamEvent = z.discriminatedUnion('kind', [
  AlertEvent,
  z.object({
    kind: z.literal('alert'),
    alert: Alert,
    /** Set on a reconciliation's reads: its `open-alerts` event says when listing began. */
    reconcileId: z.string().optional(),
  }),
  z.object({ kind: z.literal('incident'), incident: Incident }),
  z.object({
    kind: z.literal('open-alerts'),
    reconcileId: z.string(),
    /** Epoch ms when listing began: a cached alert changed after this is newer than the run. */
    startedAt: z.number(),
    alertIds: z.array(z.string()),
  }),
  z.object({ kind: z.literal('gap'), reason: z.string() }),
  z.object({ kind: z.literal('problem'), reason: z.string(), raw: z.string() }),
])
export type UpstreamEvent = z.infer<typeof UpstreamEvent>

/**
 * How far a timestamp may be ahead of the clock that received it: ordinary clock skew between the
 * provider, the relay and this machine. Anything further ahead is not a real time, and trusting it
 * would let one forged event (a Close dated 2255) outrank every real event after it. Main clamps
 * push events with it; the renderer distrusts stored versions past it.
 */
export const FUTURE_SKEW_MS = 5 * 60_000
