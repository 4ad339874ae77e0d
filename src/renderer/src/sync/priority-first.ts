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
  return new BatchScan().add(events).plan(events, count)
}

/**
 * `planBatch` in two steps, so the reading of a large batch can happen while it still arrives
 * (the ingest worker scans each message of a batch as it comes; at 100,000 events the scan is
 * ~100-200 ms that would otherwise stand between the last message and the first paint).
 */
export class BatchScan {
  private readonly candidates = new Map<string, Candidate>()
  private afterSnapshot = false

  /** The batch's next events, in arrival order. */
  add(events: readonly IntakeEvent[]): this {
    for (const { payload: d } of events) {
      if (d.kind === 'open-alerts') this.afterSnapshot = true
      if (d.kind !== 'alert' && d.kind !== 'alert-event') continue
      const id = d.kind === 'alert' ? d.alert.id : d.alertId
      let seen = this.candidates.get(id)
      if (seen === undefined) {
        seen = { id, rank: 6, createdAt: undefined, ok: true }
        this.candidates.set(id, seen)
      }
      if (this.afterSnapshot) seen.ok = false
      if (d.kind === 'alert') {
        if (d.alert.status !== 'open') seen.ok = false
        seen.rank = RANK[d.alert.priority] ?? 6
        seen.createdAt = d.alert.createdAt
      } else {
        if (d.effect.kind === 'closed' || d.effect.kind === 'deleted') seen.ok = false
        if (d.fields.priority !== undefined) seen.rank = RANK[d.fields.priority] ?? 6
        if (d.createdAt !== undefined) seen.createdAt = d.createdAt
      }
    }
    return this
  }

  /** The plan for `events`, the whole batch this scan was given (every event, in order). */
  plan(events: readonly IntakeEvent[], count: number): BatchPlan {
    if (events.length < PRIORITY_FIRST_MIN_EVENTS || count <= 0) return { first: [], rest: events }
    const urgent = mostUrgent(this.candidates.values(), count)
    if (urgent.length === 0) return { first: [], rest: events }
    return split(events, new Set(urgent.map((c) => c.id)))
  }
}

function split(events: readonly IntakeEvent[], lifted: ReadonlySet<string>): BatchPlan {
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

interface Candidate {
  readonly id: string
  rank: number
  /** The creation time as the event gave it; parsed only if the alert's rank is in contention. */
  createdAt: string | undefined
  ok: boolean
}

/**
 * The `count` most urgent liftable alerts: whole ranks while they fit, then the newest of the
 * rank that does not. Only that rank is sorted and its times parsed, not every alert of a
 * first connect.
 */
function mostUrgent(candidates: Iterable<Candidate>, count: number): Candidate[] {
  const byRank: Candidate[][] = [[], [], [], [], []]
  for (const c of candidates) if (c.ok && c.rank <= 5) byRank[c.rank - 1]?.push(c)
  const chosen: Candidate[] = []
  for (const rank of byRank) {
    const room = count - chosen.length
    if (room <= 0) break
    if (rank.length <= room) {
      chosen.push(...rank)
      continue
    }
    const newest = rank
      .map((c) => ({ c, ms: c.createdAt === undefined ? 0 : Date.parse(c.createdAt) || 0 }))
      .sort((a, b) => b.ms - a.ms)
    chosen.push(...newest.slice(0, room).map((x) => x.c))
  }
  return chosen
}
