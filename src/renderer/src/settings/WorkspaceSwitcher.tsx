import type { ReactElement } from 'react'
import { useAppServices } from '../app/services'
import { ALL_WORKSPACES_VIEW, useNavigationStore } from '../app/navigation-store'
import { useWorkspaceRuntimes } from '../app/workspace-runtimes'
import { useLiveQuery } from '../db/use-live-query'
import type { WorkspaceEntry } from './settings-db'

/** The switcher's value for the All workspaces view (workspace ids never hold a `*`). */
const ALL = '*'

/**
 * Which workspace is on screen, or All workspaces, in the header. Shown only while more than one
 * workspace is saved: every one of them stays connected (the others in the background, where
 * they notify and ring), so switching only changes what the views show. A background workspace
 * whose intake is offline says so in its option.
 */
export function WorkspaceSwitcher(props: {
  activeId: string
  onOpen(entry: WorkspaceEntry): void
}): ReactElement | null {
  const { settings } = useAppServices()
  const saved = useLiveQuery(() => settings.workspaces.orderBy('addedAt').toArray(), [settings])
  const view = useNavigationStore((s) => s.view)
  const go = useNavigationStore((s) => s.go)
  const health = useWorkspaceRuntimes((s) => s.health)
  if (saved === undefined || saved.length < 2) return null
  const everywhere = view === ALL_WORKSPACES_VIEW
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">Workspace</span>
      <select
        value={everywhere ? ALL : props.activeId}
        onChange={(event) => {
          const value = event.currentTarget.value
          if (value === ALL) return go(ALL_WORKSPACES_VIEW)
          const entry = saved.find((w) => w.id === value)
          if (entry === undefined) return
          if (everywhere) go('alerts')
          if (entry.id !== props.activeId) props.onOpen(entry)
        }}
      >
        <option value={ALL}>All workspaces</option>
        {saved.map((w) => (
          <option key={w.id} value={w.id}>
            {w.config.name}
            {w.id !== props.activeId && health[w.id] === 'offline' ? ' (offline)' : ''}
          </option>
        ))}
      </select>
    </label>
  )
}
