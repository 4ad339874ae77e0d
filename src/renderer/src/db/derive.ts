import type { Alert, Incident, Priority } from '../../../shared/domain'
import type { ActivityRow, AlertRow, CreatedEntry, IncidentRow } from './rows'

/**
 * Domain entity -> stored row. The derived fields the views index on are computed here and only
 * here, so a row written by a webhook, a poll page or a list result always agrees with itself.
 */
export function toAlertRow(
  alert: Alert,
  versionNs: string = isoToVersionNs(alert.updatedAt),
): AlertRow {
  return {
    ...alert,
    priorityRank: priorityRank(alert.priority),
    needsAck: alert.status === 'open' && !alert.acknowledged ? 1 : 0,
    createdMs: Date.parse(alert.createdAt) || 0,
    versionNs: padNs(versionNs),
    searchText: alertSearchText(alert),
  }
}

export function toIncidentRow(
  incident: Incident,
  versionNs: string = isoToVersionNs(incident.updatedAt),
): IncidentRow {
  return {
    ...incident,
    priorityRank: priorityRank(incident.priority),
    createdMs: Date.parse(incident.createdAt) || 0,
    versionNs: padNs(versionNs),
  }
}

/** The `created` timeline entry an alert row carries (`AlertRow.created`), as the timeline shows it. */
export function createdActivity(alertId: string, created: CreatedEntry): ActivityRow {
  return {
    id: `${alertId}|${created.action}`,
    subject: { kind: 'alert', id: alertId },
    subjectKind: 'alert',
    subjectId: alertId,
    kind: 'created',
    action: created.action,
    at: created.at,
    ...(created.actor !== undefined ? { actor: created.actor } : {}),
    ...(created.text !== undefined ? { text: created.text } : {}),
  }
}

/** Strips the derived and local fields (for code that expects the domain shape). */
export function alertOf(row: AlertRow): Alert {
  const {
    priorityRank: _r,
    needsAck: _n,
    createdMs: _c,
    versionNs: _v,
    searchText: _s,
    apiVersionNs: _a,
    webhookAt: _w,
    deletion: _d,
    created: _cr,
    ...alert
  } = row
  return alert
}

export function priorityRank(priority: Priority): number {
  return Number(priority.slice(1))
}

function alertSearchText(alert: Alert): string {
  return [alert.message, alert.alias, alert.tinyId, alert.entity ?? '', ...alert.tags]
    .join('\n')
    .toLowerCase()
}

/** Zero-pads epoch-ns text to 20 digits so string order is time order (see `AlertRow.versionNs`). */
export function padNs(ns: string): string {
  return ns.length >= 20 ? ns : ns.padStart(20, '0')
}

/** ISO text (ms precision) -> padded epoch ns; an unparsable time is the oldest possible version. */
export function isoToVersionNs(iso: string): string {
  const ms = Date.parse(iso)
  return padNs(Number.isFinite(ms) && ms >= 0 ? `${BigInt(ms) * 1_000_000n}` : '0')
}

/** Epoch ns text -> ISO text (ms precision), for the domain's `updatedAt`. */
export function nsToIso(ns: string): string {
  return new Date(Number(BigInt(ns) / 1_000_000n)).toISOString()
}
