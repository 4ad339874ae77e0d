import { rateDomainOf } from '@shared/opsgenie/rate-domains'
import type { Governor, SendResult, Throttle } from '../governor'
import {
  isOpsgenieError,
  type BaseAlert,
  type IncidentRecord,
  type OpsgenieClient,
} from '../opsgenie'

/** Tells the governor about a 429 so it waits the advertised period before the next request. */
export function classifyOpsgenie<T>(result: SendResult<T>): { throttled?: Throttle } {
  if (result.ok || !isOpsgenieError(result.error)) return {}
  const failure = result.error.failure
  if (failure.kind !== 'throttled') return {}
  return { throttled: { periodSeconds: failure.periodSeconds ?? 60, reason: failure.reason } }
}

export interface SyncLister {
  alerts(
    query: string,
    sort: 'createdAt' | 'updatedAt',
    offset: number,
    limit: number,
  ): Promise<BaseAlert[]>
  incidents(query: string, offset: number, limit: number): Promise<IncidentRecord[]>
}

/** Alert and incident listing through the governor at `sync` priority (below user actions). */
export function syncLister(
  client: OpsgenieClient,
  governor: Governor,
  signal: AbortSignal,
): SyncLister {
  const alertsDomain = rateDomainOf('GET', '/v2/alerts')
  const incidentsDomain = rateDomainOf('GET', '/v1/incidents')
  return {
    alerts: (query, sort, offset, limit) =>
      governor.run(
        alertsDomain,
        'sync',
        () => client.alerts.list({ query, sort, order: 'asc', offset, limit }),
        classifyOpsgenie,
        signal,
      ),
    incidents: (query, offset, limit) =>
      governor.run(
        incidentsDomain,
        'sync',
        () => client.incidents.list({ query, order: 'asc', offset, limit }),
        classifyOpsgenie,
        signal,
      ),
  }
}

export const timeOf = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Pages alerts matching `base AND <field> >= from`, sorted by `field` ascending, moving `from`
 * to the last item's time instead of raising the offset. Keyset paging is stable while alerts
 * change underneath (an alert closed mid-listing does not shift the next page and hide
 * another one) and never reaches Opsgenie's 20,000 offset cap; the offset only grows within a
 * run of alerts sharing one millisecond. Items repeat at page edges: callers dedupe by id.
 */
export async function* alertsByKeyset(
  lister: SyncLister,
  base: string,
  field: 'createdAt' | 'updatedAt',
  from: number,
  limit = 100,
): AsyncGenerator<BaseAlert[]> {
  let at = from
  let offset = 0
  for (;;) {
    const query = `${base === '' ? '' : `${base} AND `}${field}>=${at}`
    const page = await lister.alerts(query, field, offset, limit)
    yield page
    if (page.length < limit) return
    const last = timeOf(page[page.length - 1]?.[field])
    if (last !== undefined && last > at) {
      at = last
      offset = 0
    } else {
      offset += limit
    }
  }
}
