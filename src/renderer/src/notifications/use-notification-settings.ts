import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettings } from './settings'
import { useLiveQuery } from '../db/use-live-query'
import { PREFERENCE_KEYS, readPreference } from '../settings/preferences'
import type { SettingsDb } from '../settings/settings-db'

/** The stored notification rules, live: Settings writes them, the notification center reads them. */
export function useNotificationSettings(settings: SettingsDb): NotificationSettings | undefined {
  return useLiveQuery(
    () =>
      readPreference(
        settings,
        PREFERENCE_KEYS.notificationSettings,
        NotificationSettings,
        DEFAULT_NOTIFICATION_SETTINGS,
      ),
    [settings],
  )
}
