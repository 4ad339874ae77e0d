import { useState, type ReactElement } from 'react'
import { PREFERENCE_KEYS, writePreference } from './preferences'
import { useAppServices } from '../app/services'
import { useNotificationSettings } from '../notifications/use-notification-settings'
import {
  applyTheme,
  resolveTheme,
  systemTheme,
  useThemeChoice,
  ThemeChoice,
} from '../app/use-theme'
import { NotificationSettingsForm } from './NotificationSettingsForm'
import { WorkspaceSettings, type WorkspaceSettingsProps } from './WorkspaceSettings'

const THEME_LABELS: Record<ThemeChoice, string> = {
  light: 'Light',
  dark: 'Dark',
  system: 'System (follows the OS)',
}

/** Workspaces, notification rules and theme. */
export function SettingsView(props: WorkspaceSettingsProps): ReactElement {
  const { settings } = useAppServices()
  const rules = useNotificationSettings(settings)
  const stored = useThemeChoice(settings)
  // Shown at once; the stored value (read back live) follows a moment later. App's useTheme
  // keeps following the OS while "System" is picked.
  const [picked, setPicked] = useState<ThemeChoice | undefined>()
  const setTheme = (next: ThemeChoice): Promise<void> => {
    setPicked(next)
    applyTheme(resolveTheme(next, systemTheme()))
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
          {ThemeChoice.options.map((t) => (
            <label key={t} className="field--inline">
              <input
                type="radio"
                name="theme"
                checked={(picked ?? stored) === t}
                onChange={() => void setTheme(t)}
              />
              {THEME_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </section>
    </section>
  )
}
