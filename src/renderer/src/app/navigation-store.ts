import { create } from 'zustand'

export const VIEWS = [
  'alerts',
  'incidents',
  'coordination',
  'services',
  'on-call',
  'outbox',
  'settings',
  'diagnostics',
] as const
export type ViewName = (typeof VIEWS)[number]

/** Which view is shown and which incident is open in it (alerts keep their own selection). */
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
  openIncident: (incidentId) => set({ view: 'incidents', incidentId }),
  reset: () => set({ ...initialState, incidentId: undefined }),
}))
