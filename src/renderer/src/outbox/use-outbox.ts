import { liveQuery } from 'dexie'
import { useEffect, useMemo, useState } from 'react'
import type { Alert, Incident } from '../../../shared/domain'
import { applyPending, applyPendingIncident, isPendingForView } from './overlay'
import type { OutboxDb } from './outbox-db'
import type { OutboxCommand } from './record'
import { outboxCounts, type OutboxCounts } from './selectors'

/** The workspace's commands in enqueue order, live from Dexie (never copied into a store). */
export function useOutboxCommands(db: OutboxDb, workspaceId: string): readonly OutboxCommand[] {
  const [commands, setCommands] = useState<readonly OutboxCommand[]>([])
  useEffect(() => {
    const subscription = liveQuery(() =>
      db.commands
        .orderBy('seq')
        .filter((c) => c.workspaceId === workspaceId)
        .toArray(),
    ).subscribe({ next: setCommands, error: () => setCommands([]) })
    return () => subscription.unsubscribe()
  }, [db, workspaceId])
  return commands
}

export interface PendingOverlay {
  /** Commands that still shape the view (pending, or confirmed moments ago). */
  readonly pending: readonly OutboxCommand[]
  alert(alert: Alert): Alert
  incident(incident: Incident): Incident
}

/** For views: confirmed state from the cache, pending commands applied on top. */
export function usePendingOverlay(
  db: OutboxDb,
  workspaceId: string,
  now: () => number = Date.now,
): PendingOverlay {
  const commands = useOutboxCommands(db, workspaceId)
  return useMemo(() => {
    const at = now()
    const pending = commands.filter((c) => isPendingForView(c, at))
    return {
      pending,
      alert: (alert) => applyPending(alert, pending),
      incident: (incident) => applyPendingIncident(incident, pending),
    }
  }, [commands, now])
}

/** The status bar's count. */
export function useOutboxCounts(db: OutboxDb, workspaceId: string): OutboxCounts {
  const commands = useOutboxCommands(db, workspaceId)
  return useMemo(() => outboxCounts(commands), [commands])
}
