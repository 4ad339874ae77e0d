import { useEffect, useRef, useState } from 'react'
import type { CacheDb } from '../db/cache-db'
import type { AlertChange, IncidentChange } from '../sync'
import type { WorkspaceEntry } from '../settings/settings-db'
import { startSession } from './session'
import { useAppServices } from './services'
import { useWorkspaceRuntimes } from './workspace-runtimes'

/**
 * The session of a connected workspace that is not on screen: the same `startSession` as the
 * shown one (cache, intake from the stored cursor, directory import), but it reports to nothing
 * app-wide except its health (the switcher shows it): the status bar and the workspace store
 * belong to the workspace on screen.
 */
export function useBackgroundSession(
  entry: WorkspaceEntry,
  onChanges: (changes: readonly AlertChange[], incidents: readonly IncidentChange[]) => void,
): { db?: CacheDb; error?: string } {
  const services = useAppServices()
  const [state, setState] = useState<{ db?: CacheDb; error?: string; for?: string }>({})
  const latest = useRef(entry)
  const changesTo = useRef(onChanges)
  useEffect(() => {
    latest.current = entry
    changesTo.current = onChanges
  })
  const workspaceId = entry.id

  useEffect(() => {
    let stopped = false
    const runtimes = useWorkspaceRuntimes.getState()
    const session = startSession(services, latest.current, {
      connected: () => undefined,
      failed: (error) => {
        if (stopped) return
        console.warn(`${latest.current.config.name} (in the background): ${error}`)
        runtimes.setHealth(workspaceId, 'offline')
      },
      health: (health) => !stopped && runtimes.setHealth(workspaceId, health.state),
      eventsArrived: () => undefined,
      changes: (changes, incidents = []) => !stopped && changesTo.current(changes, incidents),
    })
    session.then(
      (s) => !stopped && setState({ db: s.db, for: workspaceId }),
      (error: unknown) =>
        !stopped && setState({ error: (error as Error).message, for: workspaceId }),
    )
    return () => {
      stopped = true
      runtimes.setHealth(workspaceId, undefined)
      void session.then(
        (s) => s.stop(),
        () => undefined,
      )
    }
  }, [services, workspaceId])

  return state.for === workspaceId ? state : {}
}
