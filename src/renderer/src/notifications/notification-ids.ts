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

/**
 * With several workspaces connected, one alert id may exist in two of them (two accounts, or two
 * Demo workspaces from the same seed), and main hands every notification's button back to every
 * page. Each workspace's notifications therefore carry its id in front (`<workspaceId>/alert:…`),
 * and each workspace's center takes only its own.
 */
export function scopedNotificationId(workspaceId: string, id: string): string {
  return `${workspaceId}/${id}`
}

/** The id inside `workspaceId`'s scope, or undefined when the notification is another's. */
export function unscopedNotificationId(workspaceId: string, id: string): string | undefined {
  const prefix = `${workspaceId}/`
  return id.startsWith(prefix) ? id.slice(prefix.length) : undefined
}
