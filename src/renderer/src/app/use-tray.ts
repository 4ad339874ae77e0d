import { useEffect, useMemo } from 'react'
import { createTrayPusher, deriveTrayStatus } from '../notifications'
import { useRingingTotal } from '../notifications/ringing-registry'
import { useOutbox } from '../outbox/outbox-context'
import { useOutboxCounts } from '../outbox/use-outbox'
import { effectiveHealth, useStatusStore } from './status-store'
import { useLiveQuery } from '../db/use-live-query'
import { useAppServices } from './services'
import { useWorkspace } from './workspace-context'

/**
 * Keeps main's tray in step with the cache's open alerts, the connection health, the queue and
 * how many alerts ring in every connected workspace (the badge and the tooltip say it; main
 * bounces the dock, holds the global shortcut and holds an update install while any does).
 */
export function useTray(): void {
  const { api } = useAppServices()
  const { db } = useWorkspace()
  const outbox = useOutbox()
  const unreachable = useOutboxCounts(outbox.db, outbox.workspaceId).unreachable
  // the tray says offline as soon as the status bar does (see `effectiveHealth`)
  const intake = useStatusStore((s) => s.health)
  const health = effectiveHealth(intake, { online: navigator.onLine, unreachable })?.state
  const queued = useStatusStore((s) => s.queued)
  const ringingCount = useRingingTotal()
  const ringing = ringingCount > 0
  const open = useLiveQuery(() => db.alerts.where('status').equals('open').toArray(), [db])
  const push = useMemo(() => createTrayPusher((status) => api.tray.setStatus(status)), [api])

  useEffect(() => {
    if (open === undefined) return
    push({
      ...deriveTrayStatus({
        alerts: open,
        health: health === undefined ? [] : [health],
        queuedCommands: queued,
        ringing,
      }),
      ringingCount,
    })
  }, [push, open, health, queued, ringing, ringingCount])
}
