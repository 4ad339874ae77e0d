import type { z } from 'zod'
import type { Alert } from '../../../shared/domain'
import type { NotificationRequest as RequestSchema } from '../../../shared/ipc/schemas'
import { alertNotificationId, SUMMARY_NOTIFICATION_ID } from './notification-ids'
import { summaryTitle, type StormSummary } from './storm'

export type NotificationRequest = z.infer<typeof RequestSchema>

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** "just now", "4 min ago", "2 h 14 min ago": how long the alert has been open. */
export function ageText(createdAt: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(createdAt)) / 60_000)
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48)
    return minutes % 60 === 0 ? `${hours} h ago` : `${hours} h ${minutes % 60} min ago`
  return `${Math.floor(hours / 24)} days ago`
}

/**
 * What a responder needs before unlocking the screen: priority, who it is for (team names, when
 * the caller can name them), what it is about (entity, source) and how old it is. Limits match the
 * IPC schema, so a long alert message is clipped here instead of refused by main.
 */
export function alertRequest(
  alert: Alert,
  urgent: boolean,
  now: number = Date.now(),
  teams: readonly string[] = [],
): NotificationRequest {
  const context = [
    alert.priority,
    teams.join(', '),
    alert.entity,
    alert.source,
    ageText(alert.createdAt, now),
  ]
  const lines = [
    context.filter((part) => part !== undefined && part !== '').join(' · '),
    alert.description ?? '',
  ].filter((line) => line !== '')
  return {
    id: alertNotificationId(alert.id),
    title: clip(`${alert.priority} ${alert.message}`, 200),
    body: clip(lines.join('\n'), 1000),
    actions: ['acknowledge', 'close', 'open'],
    urgent,
  }
}

export function summaryRequest(summary: StormSummary): NotificationRequest {
  return {
    id: SUMMARY_NOTIFICATION_ID,
    title: summaryTitle(summary),
    body: 'Alert storm: individual notifications are paused until it calms down. Open Ondeck to triage.',
    actions: ['open'],
    urgent: summary.urgent,
  }
}
