import { create } from 'zustand'
import { useCoordinationViewStore } from '../incidents/coordination-view-store'

export const VIEWS = [
  'alerts',
  'incidents',
  'services',
  'on-call',
  'outbox',
  'settings',
  'diagnostics',
] as const
/**
 * Every connected workspace's open alerts in one list. Not in the navigation bar: the workspace
 * switcher offers it, and only while more than one workspace is saved.
 */
export const ALL_WORKSPACES_VIEW = 'all-workspaces'
export type ViewName = (typeof VIEWS)[number] | typeof ALL_WORKSPACES_VIEW

/**
 * Which view is shown and which Opsgenie incident is open in it (alerts keep their own
 * selection; a local incident's is the coordination view store's). There is no separate
 * Coordination view: workflows and the services import are tabs of Incidents.
 */
export interface NavigationState {
  readonly view: ViewName
  readonly incidentId?: string
}

export interface NavigationActions {
  go(view: ViewName): void
  openIncident(incidentId: string | undefined): void
  reset(): void
}

const initialState: NavigationState = { view: 'alerts' }

export const useNavigationStore = create<NavigationState & NavigationActions>()((set) => ({
  ...initialState,
  go: (view) => set({ view }),
  openIncident: (incidentId) => {
    // One list shows both kinds: opening Opsgenie's incident closes the local one's detail.
    if (incidentId !== undefined) useCoordinationViewStore.getState().openIncident(undefined)
    set({ view: 'incidents', incidentId })
  },
  reset: () => set({ ...initialState, incidentId: undefined }),
}))
