import { useEffect } from 'react'
import { useLiveQuery } from '../db/use-live-query'
import { PREFERENCE_KEYS, readPreference, Theme } from '../settings/preferences'
import type { SettingsDb } from '../settings/settings-db'

function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

/** Reads the stored theme (or the system's) and applies it as `data-theme` on <html>. */
export function useTheme(settings: SettingsDb): Theme | undefined {
  const theme = useLiveQuery(
    () => readPreference(settings, PREFERENCE_KEYS.theme, Theme, systemTheme()),
    [settings],
  )
  useEffect(() => {
    if (theme !== undefined) applyTheme(theme)
  }, [theme])
  return theme
}

/** Applies a theme to the page at once (Settings does, before the stored value reads back). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
}
