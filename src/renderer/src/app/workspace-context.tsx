import { createContext, useContext, type ReactElement, type ReactNode } from 'react'
import type { WorkspaceConfig } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'

/** The open workspace: its config, its cache, and who "me" is there. */
export interface OpenWorkspace {
  readonly config: WorkspaceConfig
  readonly db: CacheDb
  readonly username?: string
}

const WorkspaceContext = createContext<OpenWorkspace | null>(null)

export function WorkspaceProvider(props: {
  workspace: OpenWorkspace
  children: ReactNode
}): ReactElement {
  return <WorkspaceContext value={props.workspace}>{props.children}</WorkspaceContext>
}

export function useWorkspace(): OpenWorkspace {
  const workspace = useContext(WorkspaceContext)
  if (workspace === null) throw new Error('useWorkspace() outside <WorkspaceProvider>')
  return workspace
}

/** The open workspace, or null outside one: for pieces that also render on their own in tests. */
export function useOptionalWorkspace(): OpenWorkspace | null {
  return useContext(WorkspaceContext)
}
