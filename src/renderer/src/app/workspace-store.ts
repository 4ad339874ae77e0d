import { create } from 'zustand'
import type { Capabilities, WorkspaceConfig } from '../../../shared/ipc/schemas'

/**
 * Which workspace is open and how connecting to it went. The workspace list itself lives in the
 * settings database (read with liveQuery); this holds only the session's state.
 */
export type WorkspacePhase = 'none' | 'connecting' | 'connected' | 'failed'

export interface WorkspaceState {
  readonly phase: WorkspacePhase
  readonly workspace?: WorkspaceConfig
  readonly username?: string
  readonly capabilities?: Capabilities
  readonly error?: string
}

export interface WorkspaceActions {
  open(workspace: WorkspaceConfig, username?: string): void
  connected(capabilities: Capabilities): void
  failed(error: string): void
  close(): void
  reset(): void
}

const initialState: WorkspaceState = { phase: 'none' }

export const useWorkspaceStore = create<WorkspaceState & WorkspaceActions>()((set) => ({
  ...initialState,
  open: (workspace, username) =>
    set({ phase: 'connecting', workspace, username, capabilities: undefined, error: undefined }),
  connected: (capabilities) => set({ phase: 'connected', capabilities, error: undefined }),
  failed: (error) => set({ phase: 'failed', error }),
  close: () => set({ ...initialState, workspace: undefined, username: undefined }),
  reset: () =>
    set({
      ...initialState,
      workspace: undefined,
      username: undefined,
      capabilities: undefined,
      error: undefined,
    }),
}))

/** Actions are refused up front when the key cannot write; the reason is shown instead. */
export function selectReadOnlyReason(state: WorkspaceState): string | undefined {
  if (state.capabilities === undefined || state.capabilities.canWrite) return undefined
  return state.capabilities.readOnlyReason ?? 'this API key cannot change alerts'
}
