import type { ReactElement } from 'react'
import { AppShell, type AppShellProps } from './AppShell'
import type { WorkspaceEntry } from './settings-db'
import { useSession } from './use-session'
import { WorkspaceProvider } from './workspace-context'

/** Opens the workspace's cache and session, then shows the shell over it. */
export function WorkspaceScreen(props: AppShellProps & { entry: WorkspaceEntry }): ReactElement {
  const { entry, ...shell } = props
  const { db, error } = useSession(entry)
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
      <AppShell {...shell} />
    </WorkspaceProvider>
  )
}
