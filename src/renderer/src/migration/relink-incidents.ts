import type { LinkedAlert } from '../incidents/coordination/records'

export interface RelinkResult {
  /** The links to write: re-pointed rows (new key) replace `removedKeys`. */
  readonly rows: readonly LinkedAlert[]
  readonly removedKeys: readonly string[]
  readonly relinked: number
  /** Links by Opsgenie id with no JSM match: left as they are and listed. */
  readonly lost: readonly { incidentId: string; alertId: string }[]
}

/**
 * A local incident's linked alerts, re-pointed to the JSM ids. A link known by alias only (an
 * alert we paged and have not seen yet) needs nothing: the alias is carried by the move. A link
 * is keyed `id:<alertId>` when attached by id (`notes.ts`), so its key changes with its id.
 */
export function relinkAlerts(
  links: readonly LinkedAlert[],
  ids: ReadonlyMap<string, string>,
): RelinkResult {
  const rows: LinkedAlert[] = []
  const removedKeys: string[] = []
  const lost: { incidentId: string; alertId: string }[] = []
  for (const link of links) {
    if (link.alertId === undefined) continue
    const to = ids.get(link.alertId)
    if (to === undefined) {
      lost.push({ incidentId: link.incidentId, alertId: link.alertId })
      continue
    }
    const key = link.key === `id:${link.alertId}` ? `id:${to}` : link.key
    if (key !== link.key) removedKeys.push(link.key)
    rows.push({ ...link, key, alertId: to })
  }
  return { rows, removedKeys, relinked: rows.length, lost }
}
