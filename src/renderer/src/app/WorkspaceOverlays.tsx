import { useEffect, type ReactElement } from 'react'
import { useOutboxCounts } from '../outbox/use-outbox'
import { useNavigationStore } from './navigation-store'
import { useStatusStore } from './status-store'
import { navigateToAlert } from './navigate'
import { useWorkspace } from './workspace-context'
import { useTeams } from '../db/directory-reads'
import { KeyboardLayer } from './KeyboardLayer'
import { useOutbox } from '../outbox/outbox-context'
import type { WorkspaceEntry } from '../settings/settings-db'
import { useAlertCommands } from '../alerts/use-alert-commands'
import type {
  NotificationHandlers,
  NotificationWiring,
} from '../notifications/use-notification-center'
import { useTray } from './use-tray'
import { UndoBar } from '../outbox/UndoBar'
import { acknowledgeAllRinging } from '../notifications/ringing-registry'
import { usePublishRuntime } from './BackgroundWorkspace'

export { navigateToAlert } from './navigate'

/** Feeds the outbox's "waiting to be sent" count to the status bar and the tray. */
function useQueuedCount(): void {
  const outbox = useOutbox()
  const pending = useOutboxCounts(outbox.db, outbox.workspaceId).pending
  const setQueued = useStatusStore((s) => s.setQueued)
  useEffect(() => setQueued(pending), [pending, setQueued])
}

/**
 * What sits over the open workspace's views: the keyboard and palette, the tray feed, and the
 * notification buttons' handlers (all through `useAlertCommands().run`). The alarm banner is in
 * the page flow (`WorkspaceAlarm`).
 */
export function WorkspaceOverlays(props: {
  entry: WorkspaceEntry
  notifications: NotificationWiring
  onOpen(entry: WorkspaceEntry): void
}): ReactElement {
  const { run } = useAlertCommands()
  const { handlersRef } = props.notifications
  const { db } = useWorkspace()
  const teams = useTeams(db)
  useQueuedCount()
  useTray()
  usePublishRuntime(props.entry, true)

  const actions: NotificationHandlers = {
    acknowledge: (alertId) => void run({ action: 'acknowledge', alertId, args: {} }),
    close: (alertId) => void run({ action: 'close', alertId, args: {} }),
    open: navigateToAlert,
    openSummary: () => useNavigationStore.getState().go('alerts'),
    teamNames: (alert) =>
      alert.teams.flatMap((id) => {
        const name = teams?.find((team) => team.id === id)?.name
        return name === undefined ? [] : [name]
      }),
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
      <UndoBar />
      <KeyboardLayer
        onOpen={props.onOpen}
        // what rings in every connected workspace, each acknowledged in its own outbox
        acknowledgeRinging={() => acknowledgeAllRinging() > 0}
      />
    </>
  )
}
