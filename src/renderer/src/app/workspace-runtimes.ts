import { create } from 'zustand'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'
import type { AlertActionRequest } from '../alerts/alert-actions'
import type { RunResult } from '../alerts/use-alert-commands'
import type { CacheDb } from '../db/cache-db'
import type { WorkspaceEntry } from '../settings/settings-db'

/**
 * A connected workspace as the cross-workspace pieces need it (the All workspaces view, the
 * ringing line for other workspaces): its entry, its open cache, and its own action path, so an
 * action on one of its alerts is queued in its outbox, never in the one on screen.
 */
export interface WorkspaceRuntime {
  readonly entry: WorkspaceEntry
  readonly db: CacheDb
  run(request: AlertActionRequest): Promise<RunResult>
  /** Whether its session is on screen (the others run in the background). */
  readonly shown: boolean
}

export interface WorkspaceRuntimesState {
  readonly byId: Readonly<Record<string, WorkspaceRuntime>>
  /** Intake health of the workspaces running in the background (the shown one's is the status bar's). */
  readonly health: Readonly<Record<string, ConnectionHealth['state']>>
}

export interface WorkspaceRuntimesActions {
  register(runtime: WorkspaceRuntime): () => void
  setHealth(workspaceId: string, state: ConnectionHealth['state'] | undefined): void
  reset(): void
}

/** Every connected workspace's runtime, registered by the workspace's own providers. */
export const useWorkspaceRuntimes = create<WorkspaceRuntimesState & WorkspaceRuntimesActions>()(
  (set, get) => ({
    byId: {},
    health: {},
    register(runtime) {
      const id = runtime.entry.id
      set((state) => ({ byId: { ...state.byId, [id]: runtime } }))
      return () => {
        // only its own: after a switch the same workspace may have registered again already
        if (get().byId[id] !== runtime) return
        set((state) => {
          const { [id]: _gone, ...rest } = state.byId
          return { byId: rest }
        })
      }
    },
    setHealth(workspaceId, health) {
      set((state) => {
        const { [workspaceId]: _old, ...rest } = state.health
        return { health: health === undefined ? rest : { ...rest, [workspaceId]: health } }
      })
    },
    reset: () => set({ byId: {}, health: {} }),
  }),
)

/** The runtimes, in the order the workspaces were added (the switcher's order). */
export function sortedRuntimes(
  byId: Readonly<Record<string, WorkspaceRuntime>>,
): WorkspaceRuntime[] {
  return Object.values(byId).sort(
    (a, b) => a.entry.addedAt - b.entry.addedAt || a.entry.id.localeCompare(b.entry.id),
  )
}
