import { useAlertViewStore } from '../alerts/alert-view-store'
import { useNavigationStore } from './navigation-store'

/** Shows an alert: the alerts view with it selected, even when the filters hid it. */
export function navigateToAlert(alertId: string): void {
  useNavigationStore.getState().go('alerts')
  useAlertViewStore.getState().select(alertId)
}
