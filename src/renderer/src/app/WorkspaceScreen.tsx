import { useEffect, useRef, type ReactElement } from 'react'
import type { Coordination } from '../incidents/coordination'
import type { AlertChange, IncidentChange } from '../sync'
import { CoordinationProvider } from '../incidents/coordination-context'
import { useOpenCoordination } from '../incidents/use-open-coordination'
import { AppShell, type AppShellProps } from './AppShell'
import { OutboxProvider } from '../outbox/outbox-context'
import { useAppServices } from './services'
import type { WorkspaceEntry } from '../settings/settings-db'
import { useNotificationCenter } from '../notifications/use-notification-center'
import { useOutboxEngine } from '../outbox/use-outbox-engine'
import type { OutboxEngine } from '../outbox/engine'
import { observedRows } from '../outbox/observe'
import { useSession } from './use-session'
import { WorkspaceProvider } from './workspace-context'
import { WorkspaceOverlays } from './WorkspaceOverlays'
import { WorkspaceAlarm, WorkspaceRingingCount } from './WorkspaceAlarm'

/**
 * Opens the workspace's cache, session, outbox engine and notification center, then shows the
 * shell over them. The center is made before the session starts, so the first live change
 * already notifies; the engine replays whatever an earlier run left queued.
 */
export function WorkspaceScreen(
  props: AppShellProps & {
    entry: WorkspaceEntry
    /** Names the workspace in notification titles while several are connected. */
    label?: string | undefined
  },
): ReactElement {
  const { entry, overlays, label, ...shell } = props
  const notifications = useNotificationCenter(entry, label)
  // Ingest changes go to the notification center and to coordination (linked alerts, workflows).
  // The outbox confirms a sent command whose effect shows in them (confirmation by observation).
  const coordinated = useRef<Coordination | undefined>(undefined)
  const observer = useRef<OutboxEngine | undefined>(undefined)
  const { db, error } = useSession(
    entry,
    (changes: readonly AlertChange[], incidents: readonly IncidentChange[]) => {
      observer.current?.observe(observedRows(changes, incidents))
      if (changes.length > 0) notifications.feed(changes)
      void coordinated.current?.onIngestChanges(changes, incidents)
    },
  )
  const outbox = useOutboxEngine(entry.id)
  useEffect(() => {
    observer.current = outbox?.engine
  }, [outbox])
  const { api, openCoordination } = useAppServices()
  // Opened once the cache is too: coordination resolves responder names through it.
  const coordination = useOpenCoordination(
    entry.id,
    db === undefined ? undefined : outbox?.engine,
    api,
    openCoordination,
    db,
  )
  useEffect(() => {
    coordinated.current = coordination
  }, [coordination])
  if (error !== undefined) {
    return (
      <main className="page">
        <h1>Could not open {entry.config.name}</h1>
        <p role="alert">{error}</p>
      </main>
    )
  }
  if (db === undefined || outbox === undefined || coordination === undefined)
    return (
      <p className="page muted" role="status">
        Opening {entry.config.name}…
      </p>
    )
  return (
    <WorkspaceProvider
      workspace={{
        config: entry.config,
        db,
        ...(entry.username !== undefined ? { username: entry.username } : {}),
      }}
    >
      <OutboxProvider outbox={outbox}>
        <CoordinationProvider coordination={coordination} cache={db} outboxDb={outbox.db}>
          <AppShell
            {...shell}
            headerStatus={<WorkspaceRingingCount />}
            {...(notifications.center !== undefined
              ? {
                  alarm: (
                    <WorkspaceAlarm
                      center={notifications.center}
                      enableSound={notifications.enableSound}
                      onOpen={shell.onOpen}
                    />
                  ),
                }
              : {})}
            overlays={
              <>
                {overlays}
                <WorkspaceOverlays
                  entry={entry}
                  notifications={notifications}
                  onOpen={shell.onOpen}
                />
              </>
            }
          />
        </CoordinationProvider>
      </OutboxProvider>
    </WorkspaceProvider>
  )
}
