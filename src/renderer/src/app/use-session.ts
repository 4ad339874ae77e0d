import { useEffect, useRef, useState } from 'react'
import type { CacheDb } from '../db/cache-db'
import type { AlertChange, IncidentChange } from '../sync'
import { useStatusStore } from './status-store'
import { useWorkspaceStore } from './workspace-store'
import { PREFERENCE_KEYS, writePreference } from '../settings/preferences'
import { startSession, type SessionSink } from './session'
import { useAppServices } from './services'
import type { WorkspaceEntry } from '../settings/settings-db'

/** Runs the session of the open workspace for as long as the component using it is mounted. */
export function useSession(
  entry: WorkspaceEntry,
  onChanges?: (changes: readonly AlertChange[], incidents: readonly IncidentChange[]) => void,
): { db?: CacheDb; error?: string } {
  const services = useAppServices()
  const [state, setState] = useState<{ db?: CacheDb; error?: string; for?: string }>({})
  // A username edited in Settings changes the entry but must not restart the session.
  const latest = useRef(entry)
  const changesTo = useRef(onChanges)
  useEffect(() => {
    latest.current = entry
    changesTo.current = onChanges
  })
  const workspaceId = entry.id

  useEffect(() => {
    const entry = latest.current
    let stopped = false
    const workspace = useWorkspaceStore.getState()
    const status = useStatusStore.getState()
    workspace.open(entry.config, entry.username)
    status.reset()
    const sink: SessionSink = {
      connected: (c) => !stopped && workspace.connected(c),
      failed: (e) => !stopped && workspace.failed(e),
      health: (h) => !stopped && status.setHealth(h),
      eventsArrived: (at) => !stopped && status.eventsArrived(at),
      ingestProgress: (p) => !stopped && status.setIngestProgress(p.done < p.total ? p : undefined),
      changes: (changes, incidents = []) => !stopped && changesTo.current?.(changes, incidents),
    }
    const session = startSession(services, entry, sink)
    session.then(
      (s) => {
        if (!stopped) setState({ db: s.db, for: entry.id })
        void writePreference(services.settings, PREFERENCE_KEYS.lastWorkspaceId, entry.id)
      },
      (error: unknown) => !stopped && setState({ error: (error as Error).message, for: entry.id }),
    )
    return () => {
      stopped = true
      void session.then(
        (s) => s.stop(),
        () => undefined,
      )
    }
  }, [services, workspaceId])

  return state.for === entry.id ? state : {}
}
