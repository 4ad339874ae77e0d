import type { CacheDb } from '../db/cache-db'
import type { AlertRow, IncidentRow } from '../db/rows'

/**
 * The domain model carries no "associated alert ids" for an incident, so an alert counts as linked
 * when it names the incident: a detail (`incidentId`/`incident`) or a tag `incident:<tinyId>`.
 */
export function isLinked(alert: AlertRow, incident: IncidentRow): boolean {
  const names = new Set([incident.id, incident.tinyId, `#${incident.tinyId}`])
  const detail = alert.details?.incidentId ?? alert.details?.incident
  if (detail !== undefined && names.has(detail)) return true
  return alert.tags.some(
    (t) => t === `incident:${incident.tinyId}` || t === `incident:${incident.id}`,
  )
}

export async function readLinkedAlerts(db: CacheDb, incident: IncidentRow): Promise<AlertRow[]> {
  const tagged = await db.alerts
    .where('tags')
    .anyOf(`incident:${incident.tinyId}`, `incident:${incident.id}`)
    .toArray()
  const byDetail = await db.alerts
    .filter((a) => isLinked(a, incident))
    .limit(200)
    .toArray()
  const all = new Map([...tagged, ...byDetail].map((a) => [a.id, a]))
  return [...all.values()]
}
