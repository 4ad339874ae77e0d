import { useState, type ReactElement } from 'react'
import { PREFERENCE_KEYS, writePreference, type Theme } from './preferences'
import { useAppServices } from '../app/services'
import { useNotificationSettings } from '../notifications/use-notification-settings'
import { applyTheme, useTheme } from '../app/use-theme'
import { NotificationSettingsForm } from './NotificationSettingsForm'
import { WorkspaceSettings, type WorkspaceSettingsProps } from './WorkspaceSettings'

/** Workspaces, notification rules and theme. */
export function SettingsView(props: WorkspaceSettingsProps): ReactElement {
  const { settings } = useAppServices()
  const rules = useNotificationSettings(settings)
  const theme = useTheme(settings)
  // Shown at once; the stored value (read back live) follows a moment later.
  const [picked, setPicked] = useState<Theme | undefined>()
  const setTheme = (next: Theme): Promise<void> => {
    setPicked(next)
    applyTheme(next)
    return writePreference(settings, PREFERENCE_KEYS.theme, next)
  }

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <WorkspaceSettings {...props} />
      <section aria-labelledby="rules-title">
        <h3 id="rules-title">Notification rules</h3>
        {rules !== undefined && <NotificationSettingsForm initial={rules} />}
      </section>
      <section aria-labelledby="theme-title">
        <h3 id="theme-title">Theme</h3>
        <fieldset className="checkbox-row">
          <legend className="visually-hidden">Theme</legend>
          {(['light', 'dark'] as const).map((t) => (
            <label key={t} className="field--inline">
              <input
                type="radio"
                name="theme"
                checked={(picked ?? theme) === t}
                onChange={() => void setTheme(t)}
              />
              {t === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
      </section>
    </section>
  )
}
