import { useEffect, useRef } from 'react'
import type { SettingsDb } from '../settings/settings-db'
import { readPreference, writePreference } from '../settings/preferences'
import { AlertViewQuerySchema, fromFragment, toFragment } from './alert-view-link'
import { useAlertViewStore, type AlertViewQuery } from './alert-view-store'
import { ALERT_PREFERENCE_KEYS } from './saved-views'

/** Where the deep link lives: the page's own address (browser mode; the desktop has no bar). */
export interface LinkPort {
  readonly hash: () => string
  readonly replace: (hash: string) => void
  readonly onChange: (listener: () => void) => () => void
}

let pageLink: LinkPort | undefined

/**
 * The page's location in browser mode; none in the desktop app (its address is never seen; its
 * `ondeck://alerts` links come through main, `app/deep-links.ts`). One object, so effects that
 * depend on it run once.
 */
export function browserLink(): LinkPort | undefined {
  if (typeof window === 'undefined' || window.ondeck !== undefined) return undefined
  pageLink ??= {
    hash: () => window.location.hash,
    replace: (hash) => window.history.replaceState(window.history.state, '', hash),
    onChange: (listener) => {
      window.addEventListener('hashchange', listener)
      return () => window.removeEventListener('hashchange', listener)
    },
  }
  return pageLink
}

/**
 * Filters survive a reload and travel in a link: on the first mount the list takes the deep link
 * in the address, else the filters last used (SettingsDb preference); from then on every change is
 * written back to both. A pasted link (hashchange) applies at once. Until the stored value is
 * read nothing is written, so a slow read never overwrites it with the defaults.
 */
export function useAlertViewPersistence(
  settings: SettingsDb,
  link: LinkPort | undefined = browserLink(),
): void {
  const restored = useRef(false)
  const filters = useAlertViewStore((s) => s.filters)
  const search = useAlertViewStore((s) => s.search)
  const sort = useAlertViewStore((s) => s.sort)
  const applyQuery = useAlertViewStore((s) => s.applyQuery)

  useEffect(() => {
    let live = true
    const fromLink = link === undefined ? undefined : fromFragment(link.hash())
    const restore =
      fromLink !== undefined
        ? Promise.resolve(fromLink)
        : readPreference<AlertViewQuery | undefined>(
            settings,
            ALERT_PREFERENCE_KEYS.alertView,
            AlertViewQuerySchema,
            undefined,
          )
    void restore.then((query) => {
      if (!live) return
      if (query !== undefined) applyQuery(query)
      restored.current = true
    })
    const off = link?.onChange(() => {
      const query = fromFragment(link.hash())
      if (query !== undefined) applyQuery(query)
    })
    return () => {
      live = false
      off?.()
    }
  }, [settings, link, applyQuery])

  useEffect(() => {
    if (!restored.current) return
    const query = { filters, search, sort }
    void writePreference(settings, ALERT_PREFERENCE_KEYS.alertView, query)
    if (link === undefined) return
    const next = toFragment(query)
    // The default list on a page not opened from an alerts link keeps its address (`#demo`).
    if (next === '#alerts' && fromFragment(link.hash()) === undefined) return
    if (link.hash() !== next) link.replace(next)
  }, [settings, link, filters, search, sort])
}
