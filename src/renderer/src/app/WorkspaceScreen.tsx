import type { ReactElement } from 'react'
import { AppShell, type AppShellProps } from './AppShell'
import type { WorkspaceEntry } from './settings-db'
import { useNotificationCenter } from './use-notification-center'
import { useSession } from './use-session'
import { WorkspaceProvider } from './workspace-context'
import { WorkspaceOverlays } from './WorkspaceOverlays'

/**
 * Opens the workspace's cache, session and notification center, then shows the shell over it.
 * The center is made before the session starts, so the first live change already notifies.
 */
export function WorkspaceScreen(props: AppShellProps & { entry: WorkspaceEntry }): ReactElement {
  const { entry, overlays, ...shell } = props
  const notifications = useNotificationCenter(entry)
  const { db, error } = useSession(entry, notifications.feed)
  if (error !== undefined) {
    return (
      <main className="page">
        <h1>Could not open {entry.config.name}</h1>
        <p role="alert">{error}</p>
      </main>
    )
  }
  if (db === undefined)
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
      <AppShell
        {...shell}
        overlays={
          <>
            {overlays}
            <WorkspaceOverlays notifications={notifications} onOpen={shell.onOpen} />
          </>
        }
      />
    </WorkspaceProvider>
  )
}
