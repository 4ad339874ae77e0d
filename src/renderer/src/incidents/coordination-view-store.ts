import { create } from 'zustand'

export const COORDINATION_TABS = ['incidents', 'workflows', 'services'] as const
export type CoordinationTab = (typeof COORDINATION_TABS)[number]

/**
 * Which Incidents tab is shown, which local incident is open (Opsgenie's open one is the
 * navigation store's) and which
 * dialog is up. A store (not component state) so the command palette and the alert detail can
 * open "Declare incident" or "Page".
 */
export interface CoordinationViewState {
  readonly tab: CoordinationTab
  /** The open local incident. */
  readonly incidentId?: string
  readonly declaring: boolean
  /** The alert a Declare was started from: the form is prefilled from it. */
  readonly declareFrom?: string
  readonly paging: boolean
}

export interface CoordinationViewActions {
  setTab(tab: CoordinationTab): void
  openIncident(id: string | undefined): void
  /** Opens the Declare form, prefilled from `alertId` when given. */
  startDeclare(alertId?: string): void
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
    startDeclare: (alertId) =>
      set({ tab: 'incidents', declaring: true, declareFrom: alertId, paging: false }),
    startPage: () => set({ tab: 'incidents', paging: true, declaring: false }),
    closeDialogs: () => set({ declaring: false, declareFrom: undefined, paging: false }),
    reset: () => set({ ...initialState, incidentId: undefined, declareFrom: undefined }),
  }),
)
