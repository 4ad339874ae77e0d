import type { AlertRow } from '../../db/rows'
import type { AlertChange } from '../../sync'
import type { AlertFacts, CoordinationContext, TriggerEvent } from './context'
import { findLinkedAlert } from './notes'
import type { LinkedAlert } from './records'
import { addTimelineEntry } from './timeline'

const factsOf = (a: AlertRow): AlertFacts => ({
  id: a.id,
  alias: a.alias,
  message: a.message,
  priority: a.priority,
  tags: a.tags,
  teams: a.teams,
})

interface Happening {
  kind: 'created' | 'acknowledged' | 'assigned' | 'closed'
  text: string
}

/** What changed on a linked alert since we last looked (several at once in one batch). */
function happenings(link: LinkedAlert, alert: AlertRow): Happening[] {
  const out: Happening[] = []
  const name = `"${alert.message}"`
  if (link.alertId === undefined)
    out.push({ kind: 'created', text: `Alert ${name} opened in Opsgenie` })
  if (alert.acknowledged && !link.acknowledged)
    out.push({
      kind: 'acknowledged',
      text: `Alert ${name} acknowledged${alert.owner ? ` by ${alert.owner}` : ''}`,
    })
  if (
    alert.owner !== undefined &&
    alert.owner !== '' &&
    alert.owner !== link.owner &&
    link.alertId !== undefined
  )
    out.push({ kind: 'assigned', text: `Alert ${name} assigned to ${alert.owner}` })
  if (alert.status === 'closed' && link.status !== 'closed')
    out.push({ kind: 'closed', text: `Alert ${name} closed` })
  return out
}

const TRIGGER: Partial<Record<Happening['kind'], TriggerEvent['trigger']>> = {
  created: 'alert-received',
  acknowledged: 'alert-acknowledged',
  closed: 'alert-closed',
}

/**
 * Feeds ingest's alert changes (`applyBatch(...).changes`) into coordination: an alert we paged
 * (alias `ondeck-...`) or attached is linked, never duplicated; its being acknowledged, assigned
 * and closed become incident timeline entries (deterministic ids, so a repeat writes nothing new);
 * and alert workflows run, except those whose own page opened the alert.
 */
export async function onIngestChanges(
  ctx: CoordinationContext,
  changes: readonly AlertChange[],
): Promise<void> {
  for (const change of changes) {
    const alert = change.alert
    const link = await findLinkedAlert(ctx, { alertId: alert.id, alias: alert.alias })
    if (link === undefined) {
      const trigger = TRIGGER[change.kind as Happening['kind']]
      if (trigger !== undefined && change.live)
        await ctx.emit({ trigger, alert: factsOf(alert), causedBy: [] })
      continue
    }
    const found = happenings(link, alert)
    if (found.length === 0) continue
    await ctx.db.linkedAlerts.put({
      ...link,
      alertId: alert.id,
      acknowledged: link.acknowledged || alert.acknowledged,
      status: alert.status === 'closed' ? 'closed' : link.status,
      ...(alert.owner ? { owner: alert.owner } : {}),
      priority: alert.priority,
    })
    for (const h of found) {
      await addTimelineEntry(ctx, {
        id: `upstream|${alert.id}|${h.kind}|${h.kind === 'assigned' ? String(alert.owner) : ''}`,
        incidentId: link.incidentId,
        source: 'upstream',
        kind: `alert-${h.kind}`,
        text: h.text,
        outcome: 'done',
      })
      const trigger = TRIGGER[h.kind]
      if (trigger !== undefined)
        await ctx.emit({
          trigger,
          incidentId: link.incidentId,
          alert: factsOf(alert),
          causedBy: link.causedBy,
        })
    }
  }
}
