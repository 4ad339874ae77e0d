import type { Priority } from '../../../../shared/domain'
import type { CoordinationContext } from './context'
import type { LinkedAlert, LocalIncident } from './records'

/**
 * Queues `alerts:setPriority` for every open alert this incident paged whose priority differs,
 * and returns the command ids. A paged alert not yet confirmed is addressed by its alias, so the
 * command waits in its create's lane.
 *
 * Attached alerts keep their priority on purpose: they were raised by someone else's integration
 * (monitoring, another team), whose routing and reports read that priority, and the same alert may
 * be attached to more than one incident. Only the alerts Ondeck opened for this incident are its
 * to move.
 */
export async function followSeverity(
  ctx: CoordinationContext,
  incident: LocalIncident,
  priority: Priority,
): Promise<string[]> {
  const links = await ctx.db.linkedAlerts.where('incidentId').equals(incident.id).toArray()
  const ids: string[] = []
  for (const link of links) {
    if (!isPaged(link) || link.status !== 'open' || link.priority === priority) continue
    const target =
      link.alertId !== undefined
        ? { alertId: link.alertId, by: 'id' as const }
        : { alertId: String(link.alias), by: 'alias' as const }
    const cmd = await ctx.outbox.enqueue({
      kind: 'alerts:setPriority',
      input: { ...target, priority },
    })
    await ctx.db.linkedAlerts.put({ ...link, priority })
    ids.push(cmd.id)
  }
  return ids
}

/** An alert the incident paged (it has the page command), not one attached. */
export const isPaged = (link: LinkedAlert): boolean => link.commandId !== undefined
