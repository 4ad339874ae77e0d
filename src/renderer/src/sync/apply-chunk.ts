import { assertNever } from '../../../shared/assert-never'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow, toIncidentRow } from '../db/derive'
import type {
  ActivityRow,
  AlertRow,
  CursorRow,
  DiagnosticRow,
  IncidentRow,
  SeenEventRow,
} from '../db/rows'
import { applyWebhook } from './apply-webhook'
import { cursorKindOf, decode, type Decoded } from './decode'
import { closeMissing } from './reconcile'
import { IngestProblem } from './webhook-event'

export const tombstoneKey = (alertId: string): string => `deleted|${alertId}`

/** How one alert changed in a chunk, for whoever reacts to changes (notifications, tray). */
export interface AlertChange {
  readonly kind: 'created' | 'acknowledged' | 'closed' | 'updated'
  readonly alert: AlertRow
  /** True when a live event (relay webhook or poll) caused it, false for reconciliation. */
  readonly live: boolean
}

export interface ChunkResult {
  readonly applied: number
  readonly diagnostics: number
  readonly changes: readonly AlertChange[]
}

function changeKind(before: AlertRow | undefined, after: AlertRow): AlertChange['kind'] {
  if (before === undefined) return 'created'
  if (before.status === 'open' && after.status === 'closed') return 'closed'
  if (!before.acknowledged && after.acknowledged) return 'acknowledged'
  return 'updated'
}

/**
 * One chunk of intake events in one `rw` transaction: everything it reads in a few bulk reads,
 * everything it writes in a few bulk writes, and the cursor of its last event with them, so a
 * failure leaves both the rows and the cursor where they were.
 */
export async function applyChunk(
  db: CacheDb,
  events: readonly IntakeEvent[],
): Promise<ChunkResult> {
  const decoded = events.map(decode)
  const webhooks = decoded.flatMap((d) => (d.kind === 'webhook' ? [d.event] : []))
  const alertIds = [
    ...new Set(
      decoded.flatMap((d) =>
        d.kind === 'webhook' ? [d.event.alertId] : d.kind === 'alert' ? [d.alert.id] : [],
      ),
    ),
  ]
  const incidentIds = [
    ...new Set(decoded.flatMap((d) => (d.kind === 'incident' ? [d.incident.id] : []))),
  ]
  const createIds = [
    ...new Set(webhooks.filter((w) => w.action === 'Create').map((w) => `${w.alertId}|Create`)),
  ]
  const seenKeys = [...new Set([...webhooks.map((w) => w.key), ...alertIds.map(tombstoneKey)])]

  const reconciles = decoded.some((d) => d.kind === 'open-alerts')

  return db.transaction(
    'rw',
    [db.alerts, db.incidents, db.activity, db.cursors, db.diagnostics, db.seenEvents],
    async () => {
      // Everything is read up front: between here and the writes only plain code runs, no awaits.
      if (reconciles) {
        const known = new Set(alertIds)
        alertIds.push(
          ...(await db.alerts.where('status').equals('open').primaryKeys()).filter(
            (id) => !known.has(id),
          ),
        )
      }
      const [alertRows, incidentRows, createRows, seenRows] = await Promise.all([
        db.alerts.bulkGet(alertIds),
        db.incidents.bulkGet(incidentIds),
        db.activity.bulkGet(createIds),
        db.seenEvents.bulkGet(seenKeys),
      ])
      const alerts = new Map<string, AlertRow | 'delete'>()
      alertIds.forEach((id, i) => alertRows[i] !== undefined && alerts.set(id, alertRows[i]))
      const incidents = new Map<string, IncidentRow>()
      incidentIds.forEach(
        (id, i) => incidentRows[i] !== undefined && incidents.set(id, incidentRows[i]),
      )
      const activity = new Map<string, ActivityRow>()
      createRows.forEach((row) => row !== undefined && activity.set(row.id, row))
      const seen = new Set(seenRows.flatMap((r) => (r === undefined ? [] : [r.key])))
      const newSeen: SeenEventRow[] = []
      const diagnostics: DiagnosticRow[] = []
      const touchedAlerts = new Set<string>()
      const liveAlerts = new Set<string>()
      const touchedIncidents = new Set<string>()
      let applied = 0
      let cursor: CursorRow | undefined

      const apply = (d: Decoded, event: IntakeEvent): void => {
        switch (d.kind) {
          case 'webhook': {
            if (seen.has(d.event.key)) return // a repeat delivery of a change already applied
            const current = alerts.get(d.event.alertId)
            const deleted = current === 'delete' || seen.has(tombstoneKey(d.event.alertId))
            const effect = applyWebhook(
              current === 'delete' ? undefined : current,
              deleted,
              d.event,
            )
            const earlier = activity.get(effect.activity.id)
            if (earlier === undefined || BigInt(effect.activity.at) < BigInt(earlier.at))
              activity.set(effect.activity.id, effect.activity)
            seen.add(d.event.key)
            newSeen.push({ key: d.event.key, at: event.receivedAt })
            if (effect.row === 'delete') {
              seen.add(tombstoneKey(d.event.alertId))
              newSeen.push({ key: tombstoneKey(d.event.alertId), at: event.receivedAt })
            }
            if (effect.row !== undefined) {
              alerts.set(d.event.alertId, effect.row)
              touchedAlerts.add(d.event.alertId)
              liveAlerts.add(d.event.alertId)
            }
            return
          }
          case 'alert': {
            const current = alerts.get(d.alert.id)
            const row = toAlertRow(d.alert)
            if (current === 'delete' || seen.has(tombstoneKey(d.alert.id))) return
            if (current !== undefined && row.versionNs < current.versionNs) return
            alerts.set(row.id, row)
            touchedAlerts.add(row.id)
            if (event.source === 'poll') liveAlerts.add(row.id)
            return
          }
          case 'incident': {
            const current = incidents.get(d.incident.id)
            const row = toIncidentRow(d.incident)
            if (current !== undefined && row.versionNs < current.versionNs) return
            incidents.set(row.id, row)
            touchedIncidents.add(row.id)
            return
          }
          case 'open-alerts': {
            const closed = closeMissing(alerts, d)
            for (const [id, row] of closed.rows) {
              alerts.set(id, row)
              touchedAlerts.add(id)
            }
            closed.activity.forEach((a) => activity.set(a.id, a))
            return
          }
          case 'none':
            return
          case 'problem':
            throw new IngestProblem(d.reason)
          default:
            assertNever(d, 'decoded event')
        }
      }

      for (const [i, event] of events.entries()) {
        const d = decoded[i] as Decoded
        try {
          apply(d, event)
          applied += d.kind === 'problem' ? 0 : 1
        } catch (error) {
          const reason =
            error instanceof IngestProblem
              ? error.message
              : `could not apply event: ${String(error)}`
          diagnostics.push({
            receivedAt: event.receivedAt,
            source: String(event.source),
            reason,
            raw: event.payload,
          })
        }
        const kind = cursorKindOf(event)
        if (kind !== undefined)
          cursor = { source: kind, cursor: event.cursor, updatedAt: event.receivedAt }
      }

      const puts = [...touchedAlerts].flatMap((id) => {
        const row = alerts.get(id)
        return row === undefined || row === 'delete' ? [] : [row]
      })
      const deletes = [...alerts].flatMap(([id, row]) => (row === 'delete' ? [id] : []))
      const unchanged = new Set(createRows)
      const newActivity = [...activity.values()].filter((a) => !unchanged.has(a))
      await Promise.all([
        puts.length > 0 ? db.alerts.bulkPut(puts) : undefined,
        deletes.length > 0 ? db.alerts.bulkDelete(deletes) : undefined,
        touchedIncidents.size > 0
          ? db.incidents.bulkPut([...touchedIncidents].flatMap((id) => incidents.get(id) ?? []))
          : undefined,
        newActivity.length > 0 ? db.activity.bulkPut(newActivity) : undefined,
        newSeen.length > 0 ? db.seenEvents.bulkPut(newSeen) : undefined,
        diagnostics.length > 0 ? db.diagnostics.bulkAdd(diagnostics) : undefined,
      ])
      if (cursor !== undefined) await db.cursors.put(cursor)
      const before = new Map(alertIds.map((id, i) => [id, alertRows[i]]))
      const changes = puts.map((row) => ({
        kind: changeKind(before.get(row.id), row),
        alert: row,
        live: liveAlerts.has(row.id),
      }))
      return { applied, diagnostics: diagnostics.length, changes }
    },
  )
}
