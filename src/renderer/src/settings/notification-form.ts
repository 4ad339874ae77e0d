import { NotificationSettings } from '../notifications/settings'

/** Checks the rules form; answers the settings to store or an error per field. */
export function validateNotificationForm(
  draft: NotificationSettings,
): { ok: true; value: NotificationSettings } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const parsed = NotificationSettings.safeParse(draft)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
  }
  const q = draft.quietHours
  if (q.enabled && q.start === q.end && errors['quietHours.end'] === undefined) {
    errors['quietHours.end'] = 'Quiet hours must end at a different time than they start'
  }
  if (draft.notifyPriorities.length === 0 && draft.ringPriorities.length === 0) {
    errors.notifyPriorities = 'Choose at least one priority, or nothing will ever notify'
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, value: parsed.data }
}
