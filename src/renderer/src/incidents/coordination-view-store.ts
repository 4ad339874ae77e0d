import { create } from 'zustand'

export const COORDINATION_TABS = ['incidents', 'workflows', 'services'] as const
export type CoordinationTab = (typeof COORDINATION_TABS)[number]

/**
 * Which coordination tab is shown, which local incident is open and which dialog is up. A
 * store (not component state) so the command palette can open "Declare incident" or "Page".
 */
export interface CoordinationViewState {
  readonly tab: CoordinationTab
  readonly incidentId?: string
  readonly declaring: boolean
  readonly paging: boolean
}

export interface CoordinationViewActions {
  setTab(tab: CoordinationTab): void
  openIncident(id: string | undefined): void
  startDeclare(): void
  /** Opens the Page dialog on the open incident (or the newest, chosen by the view). */
  startPage(): void
  closeDialogs(): void
  reset(): void
}

const initialState: CoordinationViewState = { tab: 'incidents', declaring: false, paging: false }

export const useCoordinationViewStore = create<CoordinationViewState & CoordinationViewActions>()(
  (set) => ({
    ...initialState,
    setTab: (tab) => set({ tab }),
    openIncident: (incidentId) => set({ tab: 'incidents', incidentId, declaring: false }),
    startDeclare: () => set({ tab: 'incidents', declaring: true, paging: false }),
    startPage: () => set({ tab: 'incidents', paging: true, declaring: false }),
    closeDialogs: () => set({ declaring: false, paging: false }),
    reset: () => set({ ...initialState, incidentId: undefined }),
  }),
)
