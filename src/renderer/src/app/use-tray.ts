import { useEffect, useMemo } from 'react'
import { createTrayPusher, deriveTrayStatus } from '../notifications'
import { useRingingTotal } from '../notifications/ringing-registry'
import { useOutbox } from '../outbox/outbox-context'
import { useOutboxCounts } from '../outbox/use-outbox'
import { effectiveHealth, useStatusStore } from './status-store'
import { useLiveQuery } from '../db/use-live-query'
import { useAppServices } from './services'
import { useWorkspace } from './workspace-context'
import { sortedRuntimes, useWorkspaceRuntimes } from './workspace-runtimes'

/**
 * Keeps main's tray in step with every connected workspace: their open alerts (each cache), their
 * health (the one on screen as the status bar says it, the others as their intake reports), the
 * queue, and how many alerts ring (the badge and the tooltip say it; main bounces the dock, holds
 * the global shortcut and holds an update install while any does). A P1 unacknowledged in a
 * workspace not on screen shows in the tray like one on screen.
 */
export function useTray(): void {
  const { api } = useAppServices()
  const { db } = useWorkspace()
  const byId = useWorkspaceRuntimes((s) => s.byId)
  const background = useWorkspaceRuntimes((s) => s.health)
  // every connected workspace's cache; the one on screen until the registry has it
  const dbs = useMemo(() => {
    const all = sortedRuntimes(byId).map((runtime) => runtime.db)
    return all.includes(db) ? all : [db, ...all]
  }, [byId, db])
  const outbox = useOutbox()
  const unreachable = useOutboxCounts(outbox.db, outbox.workspaceId).unreachable
  // the tray says offline as soon as the status bar does (see `effectiveHealth`)
  const intake = useStatusStore((s) => s.health)
  const health = effectiveHealth(intake, { online: navigator.onLine, unreachable })?.state
  const queued = useStatusStore((s) => s.queued)
  const ringingCount = useRingingTotal()
  const ringing = ringingCount > 0
  const open = useLiveQuery(
    async () =>
      (
        await Promise.all(dbs.map((cache) => cache.alerts.where('status').equals('open').toArray()))
      ).flat(),
    [dbs],
  )
  const push = useMemo(() => createTrayPusher((status) => api.tray.setStatus(status)), [api])

  useEffect(() => {
    if (open === undefined) return
    push({
      ...deriveTrayStatus({
        alerts: open,
        health: [...(health === undefined ? [] : [health]), ...Object.values(background)],
        queuedCommands: queued,
        ringing,
      }),
      ringingCount,
    })
  }, [push, open, health, background, queued, ringing, ringingCount])
}
