import type { z } from 'zod'
import type { Alert } from '../../../shared/domain'
import type { NotificationRequest as RequestSchema } from '../../../shared/ipc/schemas'
import { alertNotificationId, SUMMARY_NOTIFICATION_ID } from './notification-ids'
import { summaryTitle, type StormSummary } from './storm'

export type NotificationRequest = z.infer<typeof RequestSchema>

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Limits match the IPC schema, so a long alert message is clipped here instead of refused by main. */
export function alertRequest(alert: Alert, urgent: boolean): NotificationRequest {
  const context = [alert.entity, alert.source].filter((part) => part !== undefined && part !== '')
  const lines = [context.join(' · '), alert.description ?? ''].filter((line) => line !== '')
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
