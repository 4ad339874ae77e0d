import { useEffect, useState } from 'react'
import { z } from 'zod'
import { assertNever } from '../../../shared/assert-never'
import { useLiveQuery } from '../db/use-live-query'
import { PREFERENCE_KEYS, readPreference, type Theme } from '../settings/preferences'
import type { SettingsDb } from '../settings/settings-db'

/**
 * What the responder picked: a fixed theme, or "system" to follow the OS. Stored under the same
 * preference key as before, so a stored "light" or "dark" still reads; nothing stored means
 * "system", which is what a fresh install should do.
 */
export const ThemeChoice = z.enum(['light', 'dark', 'system'])
export type ThemeChoice = z.infer<typeof ThemeChoice>

const DARK_QUERY = '(prefers-color-scheme: dark)'

function darkQuery(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined
}

/** The OS theme now; light where the page cannot tell. */
export function systemTheme(): Theme {
  return darkQuery()?.matches === true ? 'dark' : 'light'
}

/** The theme a choice shows, given what the OS prefers. */
export function resolveTheme(choice: ThemeChoice, system: Theme): Theme {
  switch (choice) {
    case 'light':
    case 'dark':
      return choice
    case 'system':
      return system
    default:
      return assertNever(choice, 'theme choice')
  }
}

/**
 * The OS theme, updated live: a responder whose desktop turns dark at sunset gets a dark Ondeck
 * without reopening it.
 */
function useSystemTheme(): Theme {
  const [theme, setTheme] = useState(systemTheme)
  useEffect(() => {
    const query = darkQuery()
    if (query === undefined) return undefined
    const update = (): void => setTheme(query.matches ? 'dark' : 'light')
    update()
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return theme
}

/** The stored choice ("system" when none), read live so every window follows a change. */
export function useThemeChoice(settings: SettingsDb): ThemeChoice | undefined {
  return useLiveQuery(
    () => readPreference(settings, PREFERENCE_KEYS.theme, ThemeChoice, 'system'),
    [settings],
  )
}

/** Applies the stored choice (following the OS for "system") as `data-theme` on <html>. */
export function useTheme(settings: SettingsDb): Theme | undefined {
  const choice = useThemeChoice(settings)
  const system = useSystemTheme()
  const theme = choice === undefined ? undefined : resolveTheme(choice, system)
  useEffect(() => {
    if (theme !== undefined) applyTheme(theme)
  }, [theme])
  return theme
}

/** Applies a theme to the page at once (Settings does, before the stored value reads back). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
}
