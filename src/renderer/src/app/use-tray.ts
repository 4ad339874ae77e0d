import { useEffect, useMemo } from 'react'
import { createTrayPusher, deriveTrayStatus } from '../notifications'
import { useStatusStore } from '../stores/status-store'
import { useLiveQuery } from '../views/data/use-live-query'
import { useServices } from './services'
import { useWorkspace } from './workspace-context'

/** Keeps main's tray in step with the cache's open alerts, the intake health and the queue. */
export function useTray(): void {
  const { api } = useServices()
  const { db } = useWorkspace()
  const health = useStatusStore((s) => s.health?.state)
  const queued = useStatusStore((s) => s.queued)
  const open = useLiveQuery(() => db.alerts.where('status').equals('open').toArray(), [db])
  const push = useMemo(() => createTrayPusher((status) => api.tray.setStatus(status)), [api])

  useEffect(() => {
    if (open === undefined) return
    push(
      deriveTrayStatus({
        alerts: open,
        health: health === undefined ? [] : [health],
        queuedCommands: queued,
      }),
    )
  }, [push, open, health, queued])
}
