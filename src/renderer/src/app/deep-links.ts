import { useEffect, useRef } from 'react'
import type { OndeckApi } from '../../../shared/ipc/api'
import { AlertsLink } from '../../../shared/ipc/links'
import { DEFAULT_QUERY } from '../alerts/alert-view-link'
import { useAlertViewStore, type AlertViewQuery } from '../alerts/alert-view-store'
import { ALERT_PREFERENCE_KEYS } from '../alerts/saved-views'
import { writePreference } from '../settings/preferences'
import type { SettingsDb, WorkspaceEntry } from '../settings/settings-db'
import { useNavigationStore } from './navigation-store'

/** The list an `ondeck://alerts` link asks for: its fields over the defaults, as the URL fragment. */
export function queryOfLink(link: AlertsLink): AlertViewQuery {
  const d = DEFAULT_QUERY.filters
  return {
    filters: {
      status: link.status ?? d.status,
      priorities: link.priorities ?? d.priorities,
      mine: link.mine ?? d.mine,
      acknowledged: link.acknowledged ?? d.acknowledged,
      ...(link.team !== undefined ? { team: link.team } : {}),
      ...(link.service !== undefined ? { service: link.service } : {}),
    },
    search: link.search ?? DEFAULT_QUERY.search,
    sort: link.sort ?? DEFAULT_QUERY.sort,
  }
}

export interface LinkTarget {
  /** Where the filters are stored and the saved workspaces are read (a link may name one). */
  readonly settings: SettingsDb
  open(entry: WorkspaceEntry): void
}

/**
 * Applies a link: its workspace (when it names a saved one) on screen, the alerts view with its
 * filters. The filters are stored first, so an alerts view mounting at the same moment restores
 * them rather than the ones last used (Dexie keeps the two in order).
 */
export async function applyAlertsLink(link: AlertsLink, target: LinkTarget): Promise<void> {
  const query = queryOfLink(link)
  await writePreference(target.settings, ALERT_PREFERENCE_KEYS.alertView, query)
  if (link.workspaceId !== undefined) {
    const entry = await target.settings.workspaces.get(link.workspaceId)
    if (entry === undefined)
      console.warn(`a link asked for workspace ${link.workspaceId}, which is not saved here`)
    else target.open(entry)
  }
  useAlertViewStore.getState().applyQuery(query)
  useNavigationStore.getState().go('alerts')
}

/**
 * The desktop app's `ondeck://alerts` links: main validates each and keeps the latest until the
 * page takes it (`links:take`), on start (a link that launched the app) and whenever main says
 * one arrived. The answer is checked again here: the page trusts no payload for its type.
 */
export function useDeepLinks(
  api: OndeckApi,
  target: LinkTarget,
  enabled: boolean = typeof window !== 'undefined' && window.ondeck !== undefined,
): void {
  const latest = useRef(target)
  useEffect(() => {
    latest.current = target
  })
  useEffect(() => {
    if (!enabled) return undefined
    // A taken link is applied even if this effect was cleaned up meanwhile (StrictMode runs it
    // twice in development): main hands each link out once, so dropping it would lose it.
    const take = async (): Promise<void> => {
      const answer = await api.links.take({})
      if (!answer.ok || answer.value === null) return
      const link = AlertsLink.safeParse(answer.value)
      if (!link.success) return console.warn('refused a deep link from main', link.error.issues)
      await applyAlertsLink(link.data, latest.current)
    }
    const run = (): void => void take().catch((error: unknown) => console.warn(error))
    run()
    return api.links.onArrived(run)
  }, [api, enabled])
}
