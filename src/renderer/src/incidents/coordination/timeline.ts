import type { CoordinationDb } from './coordination-db'
import type { CoordinationContext } from './context'
import type { TimelineEntry } from './records'

/**
 * Adds an entry. Upstream entries pass a deterministic `id` (alert, action, time), so an event
 * delivered twice writes the same row once.
 */
export async function addTimelineEntry(
  ctx: CoordinationContext,
  entry: Omit<TimelineEntry, 'id' | 'at'> & { id?: string; at?: number },
): Promise<TimelineEntry> {
  const row: TimelineEntry = { ...entry, id: entry.id ?? ctx.newId(), at: entry.at ?? ctx.now() }
  await ctx.db.timeline.put(row)
  return row
}

/** Oldest first. */
export function incidentTimeline(db: CoordinationDb, incidentId: string): Promise<TimelineEntry[]> {
  return db.timeline
    .where('[incidentId+at]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .toArray()
}
