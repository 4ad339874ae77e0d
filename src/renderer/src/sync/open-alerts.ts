import { toEpochNanos } from '../../../shared/domain'
import { alertOf, padNs, toAlertRow } from '../db/derive'
import type { ActivityRow, AlertRow } from '../db/rows'

/** Every alert open upstream when a reconciliation run began listing them. */
export interface OpenAlertsSnapshot {
  readonly reconcileId: string
  /** Epoch ms when listing began: a cached alert changed after this is newer than the snapshot. */
  readonly startedAt: number
  readonly alertIds: readonly string[]
}

export interface Closures {
  readonly rows: ReadonlyMap<string, AlertRow>
  readonly activity: readonly ActivityRow[]
}

/**
 * Closes cached open alerts the snapshot no longer lists (a lost Close or Delete webhook). Pure:
 * `alerts` must hold every open alert of the cache with this chunk's changes applied. A row
 * changed after the snapshot began is left alone, unless its version is past `boundNs` (a
 * far-future stamp, not a real change).
 */
export function closeMissing(
  alerts: ReadonlyMap<string, AlertRow | 'delete'>,
  snapshot: OpenAlertsSnapshot,
  boundNs: string,
): Closures {
  const upstream = new Set(snapshot.alertIds)
  const snapshotNs = padNs(toEpochNanos(Math.trunc(snapshot.startedAt)))
  const rows = new Map<string, AlertRow>()
  const activity: ActivityRow[] = []
  for (const row of alerts.values()) {
    if (
      row === 'delete' ||
      upstream.has(row.id) ||
      row.status !== 'open' ||
      (row.versionNs > snapshotNs && row.versionNs <= boundNs)
    )
      continue
    // The snapshot is an API read: later reads older than it change nothing (`afterApiRead`).
    rows.set(row.id, {
      ...toAlertRow({ ...alertOf(row), status: 'closed' }, snapshotNs),
      apiVersionNs: snapshotNs,
      ...(row.deletion !== undefined ? { deletion: row.deletion } : {}),
      ...(row.created !== undefined ? { created: row.created } : {}),
    })
    activity.push({
      id: `${row.id}|reconcile-close|${snapshot.reconcileId}`,
      subject: { kind: 'alert', id: row.id },
      subjectKind: 'alert',
      subjectId: row.id,
      kind: 'closed',
      action: 'Reconcile',
      at: snapshotNs.replace(/^0+(?=\d)/, ''),
      text: 'no longer open upstream (found by reconciliation)',
    })
  }
  return { rows, activity }
}
