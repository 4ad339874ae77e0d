import type { ReactElement } from 'react'
import { AppShell, type AppShellProps } from './AppShell'
import { OutboxProvider } from './outbox-context'
import type { WorkspaceEntry } from './settings-db'
import { useNotificationCenter } from './use-notification-center'
import { useOutboxEngine } from './use-outbox-engine'
import { useSession } from './use-session'
import { WorkspaceProvider } from './workspace-context'
import { WorkspaceOverlays } from './WorkspaceOverlays'

/**
 * Opens the workspace's cache, session, outbox engine and notification center, then shows the
 * shell over them. The center is made before the session starts, so the first live change
 * already notifies; the engine replays whatever an earlier run left queued.
 */
export function WorkspaceScreen(props: AppShellProps & { entry: WorkspaceEntry }): ReactElement {
  const { entry, overlays, ...shell } = props
  const notifications = useNotificationCenter(entry)
  const { db, error } = useSession(entry, notifications.feed)
  const outbox = useOutboxEngine(entry.id)
  if (error !== undefined) {
    return (
      <main className="page">
        <h1>Could not open {entry.config.name}</h1>
        <p role="alert">{error}</p>
      </main>
    )
  }
  if (db === undefined || outbox === undefined)
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
        <AppShell
          {...shell}
          overlays={
            <>
              {overlays}
              <WorkspaceOverlays notifications={notifications} onOpen={shell.onOpen} />
            </>
          }
        />
      </OutboxProvider>
    </WorkspaceProvider>
  )
}
