import type { IntakeEvent } from '../../../shared/ipc/schemas'

/** How many alerts a large batch lands first: the list's first screen and then some. */
export const FIRST_PAINT_ALERTS = 100

/** Below this many events a batch is applied in arrival order: it lands within a few chunks anyway. */
export const PRIORITY_FIRST_MIN_EVENTS = 1_000

/**
 * A large batch (a first connect, a catch-up after a night offline) split so what a responder
 * needs first lands first: every event of the `count` most urgent open alerts (P1 before P5,
 * newest first), then everything else in arrival order.
 */
export interface BatchPlan {
  /** The most urgent alerts' events, in arrival order; applied first, without moving the cursor. */
  readonly first: readonly IntakeEvent[]
  /** The rest, in arrival order. */
  readonly rest: readonly IntakeEvent[]
}

const RANK: Record<string, number> = { P1: 1, P2: 2, P3: 3, P4: 4, P5: 5 }

/**
 * Lifting an alert's events ahead of other alerts' events is safe because ingest's rules are per
 * alert (versions, dedup keys, tombstones) and the lifted events keep their own order. What is not
 * per alert stays put: an alert with any event after a reconciliation snapshot (`open-alerts`,
 * which judges every cached open alert) or closing/deleting it is not lifted, and the first part
 * never moves the cursor (the rest's last chunk records the batch's last cursor, see `ingest.ts`),
 * so a crash part-way replays the batch and dedup skips what had landed.
 */
export function planBatch(events: readonly IntakeEvent[], count: number): BatchPlan {
  if (events.length < PRIORITY_FIRST_MIN_EVENTS || count <= 0) return { first: [], rest: events }
  const candidates = new Map<string, { rank: number; createdMs: number; ok: boolean }>()
  let afterSnapshot = false
  for (const { payload: d } of events) {
    if (d.kind === 'open-alerts') afterSnapshot = true
    if (d.kind !== 'alert' && d.kind !== 'alert-event') continue
    const id = d.kind === 'alert' ? d.alert.id : d.alertId
    const seen = candidates.get(id) ?? { rank: 6, createdMs: 0, ok: true }
    candidates.set(id, seen)
    if (afterSnapshot) seen.ok = false
    if (d.kind === 'alert') {
      if (d.alert.status !== 'open') seen.ok = false
      seen.rank = RANK[d.alert.priority] ?? 6
      seen.createdMs = Date.parse(d.alert.createdAt)
    } else {
      if (d.effect.kind === 'closed' || d.effect.kind === 'deleted') seen.ok = false
      if (d.fields.priority !== undefined) seen.rank = RANK[d.fields.priority] ?? 6
      if (d.createdAt !== undefined) seen.createdMs = Date.parse(d.createdAt)
    }
  }
  const urgent = [...candidates]
    .filter(([, c]) => c.ok && c.rank <= 5)
    .sort(([, a], [, b]) => a.rank - b.rank || b.createdMs - a.createdMs)
    .slice(0, count)
  if (urgent.length === 0) return { first: [], rest: events }
  const lifted = new Set(urgent.map(([id]) => id))
  const first: IntakeEvent[] = []
  const rest: IntakeEvent[] = []
  for (const event of events) {
    const d = event.payload
    const id = d.kind === 'alert' ? d.alert.id : d.kind === 'alert-event' ? d.alertId : undefined
    if (id !== undefined && lifted.has(id)) first.push(event)
    else rest.push(event)
  }
  return { first, rest }
}
