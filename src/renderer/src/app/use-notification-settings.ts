import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettings } from '../notifications/settings'
import { useLiveQuery } from '../views/data/use-live-query'
import { PREFERENCE_KEYS, readPreference } from './preferences'
import type { SettingsDb } from './settings-db'

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
