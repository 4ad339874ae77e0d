const ALERT_PREFIX = 'alert:'

/** The single storm summary: re-showing it under the same id replaces it in main. */
export const SUMMARY_NOTIFICATION_ID = 'storm:summary'

export type NotificationTarget =
  { readonly kind: 'alert'; readonly alertId: string } | { readonly kind: 'summary' }

/** A notification's id carries its alert id, so an action finds its alert without any lookup table. */
export function alertNotificationId(alertId: string): string {
  return `${ALERT_PREFIX}${alertId}`
}

export function parseNotificationId(id: string): NotificationTarget | undefined {
  if (id === SUMMARY_NOTIFICATION_ID) return { kind: 'summary' }
  if (id.startsWith(ALERT_PREFIX) && id.length > ALERT_PREFIX.length) {
    return { kind: 'alert', alertId: id.slice(ALERT_PREFIX.length) }
  }
  return undefined
}
