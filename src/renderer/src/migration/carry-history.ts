import type { Alert } from '../../../shared/domain'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow } from '../db/derive'
import type { ActivityRow } from '../db/rows'
import type { AlertMatch } from './match-alerts'

/**
 * A matched alert keeps its local history under its JSM id: its timeline and notes (activity
 * rows, re-keyed where the id starts with the old alert id) and its creation entry move to the
 * JSM alert's row, written from the JSM answer unless intake already wrote it. The Opsgenie row
 * goes, in the same transaction. Unmatched alerts are not touched here: they stay, and are listed.
 */
export async function carryAlertHistory(
  cache: CacheDb,
  matches: readonly AlertMatch[],
  jsmAlerts: ReadonlyMap<string, Alert>,
): Promise<number> {
  let carried = 0
  await cache.transaction('rw', [cache.alerts, cache.activity, cache.pendingDeletes], async () => {
    for (const m of matches) {
      const old = await cache.alerts.get(m.from)
      const jsm = jsmAlerts.get(m.to)
      if (old === undefined || jsm === undefined) continue
      const existing = await cache.alerts.get(m.to)
      const row = existing ?? toAlertRow(jsm)
      await cache.alerts.put(
        row.created === undefined && old.created !== undefined
          ? { ...row, created: old.created }
          : row,
      )
      const history = await cache.activity
        .where('[subjectKind+subjectId+at]')
        .between(['alert', m.from, ''], ['alert', m.from, '\uffff'])
        .toArray()
      const rekeyed = history.map((a): ActivityRow => ({
        ...a,
        id: a.id.startsWith(`${m.from}|`) ? `${m.to}${a.id.slice(m.from.length)}` : a.id,
        subject: { ...a.subject, id: m.to },
        subjectId: m.to,
      }))
      await cache.activity.bulkDelete(history.map((a) => a.id))
      await cache.activity.bulkPut(rekeyed)
      await cache.alerts.delete(m.from)
      await cache.pendingDeletes.delete(m.from)
      carried += 1
    }
  })
  return carried
}
