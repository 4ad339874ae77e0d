import { useEffect, useRef, type ReactElement } from 'react'
import { alertCommandSpec, useAlertCommands } from '../alerts/use-alert-commands'
import { useTeams } from '../db/directory-reads'
import type { NotificationWiring } from '../notifications/use-notification-center'
import { useNotificationCenter } from '../notifications/use-notification-center'
import { OutboxProvider, useOutbox } from '../outbox/outbox-context'
import { useOutboxEngine } from '../outbox/use-outbox-engine'
import type { OutboxEngine } from '../outbox/engine'
import { observedRows } from '../outbox/observe'
import type { WorkspaceEntry } from '../settings/settings-db'
import { navigateToAlert } from './navigate'
import { useNavigationStore } from './navigation-store'
import { useBackgroundSession } from './use-background-session'
import { useRestoreRinging } from './WorkspaceAlarm'
import { useWorkspace, WorkspaceProvider } from './workspace-context'
import { useWorkspaceRuntimes } from './workspace-runtimes'

export interface BackgroundWorkspaceProps {
  readonly entry: WorkspaceEntry
  /** Names the workspace in notification titles while several are connected. */
  readonly label?: string | undefined
  /** Puts a workspace on screen (a notification of this one was opened). */
  onOpen(entry: WorkspaceEntry): void
}

/**
 * A connected workspace that is not on screen: its session, outbox engine and notification
 * center keep running, so its alerts notify and ring, its queued actions are sent, and the All
 * workspaces view can read and act on it. It renders nothing.
 */
export function BackgroundWorkspace(props: BackgroundWorkspaceProps): ReactElement | null {
  const { entry } = props
  const notifications = useNotificationCenter(entry, props.label)
  // The outbox confirms a sent command whose effect shows in the changes (by observation).
  const observer = useRef<OutboxEngine | undefined>(undefined)
  const { db } = useBackgroundSession(entry, (changes, incidents) => {
    observer.current?.observe(observedRows(changes, incidents))
    if (changes.length > 0) notifications.feed(changes)
  })
  const outbox = useOutboxEngine(entry.id)
  useEffect(() => {
    observer.current = outbox?.engine
  }, [outbox])
  if (db === undefined || outbox === undefined) return null
  return (
    <WorkspaceProvider
      workspace={{
        config: entry.config,
        db,
        ...(entry.username !== undefined ? { username: entry.username } : {}),
      }}
    >
      <OutboxProvider outbox={outbox}>
        <BackgroundWiring entry={entry} notifications={notifications} onOpen={props.onOpen} />
      </OutboxProvider>
    </WorkspaceProvider>
  )
}

function BackgroundWiring(props: {
  entry: WorkspaceEntry
  notifications: NotificationWiring
  onOpen(entry: WorkspaceEntry): void
}): null {
  const { entry, notifications, onOpen } = props
  const { handlersRef } = notifications
  const { db } = useWorkspace()
  const { engine } = useOutbox()
  const { run } = useAlertCommands()
  const teams = useTeams(db)
  useRestoreRinging(notifications.center)
  usePublishRuntime(entry, false)

  useEffect(() => {
    handlersRef.current = {
      acknowledge: (alertId) => void run({ action: 'acknowledge', alertId, args: {} }),
      // Sent without the Undo hold: the Undo bar belongs to the workspace on screen, and a
      // notification's Close is a deliberate click on a named alert.
      close: (alertId) =>
        void engine
          .enqueue(alertCommandSpec({ action: 'close', alertId, args: {} }))
          .catch((error: unknown) => console.warn('close not queued', error)),
      open: (alertId) => {
        onOpen(entry)
        navigateToAlert(alertId)
      },
      openSummary: () => {
        onOpen(entry)
        useNavigationStore.getState().go('alerts')
      },
      teamNames: (alert) =>
        alert.teams.flatMap((id) => {
          const name = teams?.find((team) => team.id === id)?.name
          return name === undefined ? [] : [name]
        }),
    }
  })
  useEffect(
    () => () => {
      handlersRef.current = undefined
    },
    [handlersRef],
  )
  return null
}

/**
 * Registers the workspace whose providers this runs in (cache, action path) with the
 * cross-workspace registry, for as long as it is mounted.
 */
export function usePublishRuntime(entry: WorkspaceEntry, shown: boolean): void {
  const { db } = useWorkspace()
  const { run } = useAlertCommands()
  const register = useWorkspaceRuntimes((s) => s.register)
  useEffect(() => register({ entry, db, run, shown }), [register, entry, db, run, shown])
}
