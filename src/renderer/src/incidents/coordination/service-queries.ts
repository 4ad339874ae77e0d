import type { CacheDb } from '../../db/cache-db'
import type { AlertRow, IncidentRow } from '../../db/rows'
import type { CoordinationContext } from './context'
import type { ImportedService, LocalIncident } from './records'

export interface ServiceOverview {
  service?: ImportedService
  /** Local incidents impacting the service that are not resolved. */
  incidents: LocalIncident[]
  /** Open Opsgenie incidents (from the cache) listing the service as impacted. */
  opsgenieIncidents: IncidentRow[]
  /** Open alerts linked to those local incidents, plus open alerts tagged with the service's name. */
  openAlerts: AlertRow[]
}

/** What the services screen shows for one service. */
export async function serviceOverview(
  ctx: CoordinationContext,
  cache: CacheDb,
  serviceId: string,
): Promise<ServiceOverview> {
  const service = await ctx.db.services.get(`${ctx.workspaceId}|${serviceId}`)
  const incidents = (await ctx.db.incidents.where('serviceIds').equals(serviceId).toArray()).filter(
    (i) => i.workspaceId === ctx.workspaceId && i.status !== 'resolved',
  )
  const opsgenieIncidents = (
    await cache.incidents.where('impactedServices').equals(serviceId).toArray()
  ).filter((i) => i.status === 'open')
  const links = await ctx.db.linkedAlerts
    .where('incidentId')
    .anyOf(incidents.map((i) => i.id))
    .toArray()
  const linkedIds = links.flatMap((l) => (l.alertId !== undefined ? [l.alertId] : []))
  const linked = (await cache.alerts.bulkGet(linkedIds)).flatMap((a) => (a ? [a] : []))
  const tagged =
    service !== undefined ? await cache.alerts.where('tags').equals(service.name).toArray() : []
  const byId = new Map(
    [...linked, ...tagged].filter((a) => a.status === 'open').map((a) => [a.id, a]),
  )
  return {
    ...(service !== undefined ? { service } : {}),
    incidents,
    opsgenieIncidents,
    openAlerts: [...byId.values()].sort((a, b) => a.priorityRank - b.priorityRank),
  }
}

/** Links (or unlinks) services to an incident; used by the service picker. */
export async function setIncidentServices(
  ctx: CoordinationContext,
  incidentId: string,
  serviceIds: readonly string[],
): Promise<void> {
  await ctx.db.incidents.update(incidentId, {
    serviceIds: [...new Set(serviceIds)],
    updatedAt: ctx.now(),
  })
}
