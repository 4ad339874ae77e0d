import { useEffect, type ReactElement } from 'react'
import { useOutboxCounts } from '../outbox/use-outbox'
import { useAlertViewStore } from '../alerts/alert-view-store'
import { useNavigationStore } from './navigation-store'
import { useStatusStore } from './status-store'
import { AlarmBanner } from '../notifications/AlarmBanner'
import { KeyboardLayer } from './KeyboardLayer'
import { useOutbox } from '../outbox/outbox-context'
import type { WorkspaceEntry } from '../settings/settings-db'
import { useAlertCommands } from '../alerts/use-alert-commands'
import type {
  NotificationHandlers,
  NotificationWiring,
} from '../notifications/use-notification-center'
import { useTray } from './use-tray'

/** Shows an alert: the alerts view with it selected, even when the filters hid it. */
export function navigateToAlert(alertId: string): void {
  useNavigationStore.getState().go('alerts')
  useAlertViewStore.getState().select(alertId)
}

/** Feeds the outbox's "waiting to be sent" count to the status bar and the tray. */
function useQueuedCount(): void {
  const outbox = useOutbox()
  const pending = useOutboxCounts(outbox.db, outbox.workspaceId).pending
  const setQueued = useStatusStore((s) => s.setQueued)
  useEffect(() => setQueued(pending), [pending, setQueued])
}

/**
 * What sits over the open workspace's views: the alarm banner, the keyboard and palette, the
 * tray feed, and the notification buttons' handlers (all through `useAlertCommands().run`).
 */
export function WorkspaceOverlays(props: {
  notifications: NotificationWiring
  onOpen(entry: WorkspaceEntry): void
}): ReactElement {
  const { run } = useAlertCommands()
  const { center, handlersRef } = props.notifications
  useQueuedCount()
  useTray(props.notifications.center?.alarm)

  const actions: NotificationHandlers = {
    acknowledge: (alertId) => void run({ action: 'acknowledge', alertId, args: {} }),
    close: (alertId) => void run({ action: 'close', alertId, args: {} }),
    open: navigateToAlert,
    openSummary: () => useNavigationStore.getState().go('alerts'),
  }
  useEffect(() => {
    handlersRef.current = actions
  })
  useEffect(
    () => () => {
      handlersRef.current = undefined
    },
    [handlersRef],
  )

  return (
    <>
      {center !== undefined && (
        <AlarmBanner alarm={center.alarm} acknowledge={actions.acknowledge} open={actions.open} />
      )}
      <KeyboardLayer onOpen={props.onOpen} />
    </>
  )
}
