import type { Alert } from '../../../../src/shared/domain'
import { toAlertRow } from '../../../../src/renderer/src/db/derive'
import type { ActivityRow, AlertRow } from '../../../../src/renderer/src/db/rows'

const BASE = Date.parse('2026-11-27T00:00:00Z')

/** A realistic cached alert row, derived exactly as ingest derives them. */
export function alertRow(n: number, overrides: Partial<Alert> = {}): AlertRow {
  const created = new Date(BASE + n * 1000).toISOString()
  const alert: Alert = {
    id: `alert-${n}`,
    tinyId: String(n),
    alias: `alias-${n}`,
    message: `Alert number ${n}`,
    status: 'open',
    acknowledged: false,
    snoozed: false,
    priority: (['P1', 'P2', 'P3', 'P4', 'P5'] as const)[n % 5] ?? 'P3',
    tags: [],
    teams: [],
    responders: [],
    count: 1,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  }
  return toAlertRow(alert)
}

export function activityRow(
  alertId: string,
  n: number,
  overrides: Partial<ActivityRow> = {},
): ActivityRow {
  return {
    id: `${alertId}-act-${n}`,
    subject: { kind: 'alert', id: alertId },
    subjectKind: 'alert',
    subjectId: alertId,
    kind: 'note',
    action: 'AddNote',
    at: `17${String(n).padStart(17, '0')}`,
    ...overrides,
  }
}

let dbCounter = 0
/** A fresh workspace id per test, so fake-indexeddb databases never leak between tests. */
export function freshWorkspaceId(prefix = 'ws'): string {
  dbCounter += 1
  return `${prefix}-${Date.now().toString(36)}-${dbCounter}`
}
