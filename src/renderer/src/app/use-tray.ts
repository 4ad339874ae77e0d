import { useEffect, useMemo } from 'react'
import { createAlarmStore, createTrayPusher, deriveTrayStatus, useAlarm } from '../notifications'
import type { AlarmStore } from '../notifications'
import { useStatusStore } from './status-store'
import { useLiveQuery } from '../db/use-live-query'
import { useAppServices } from './services'
import { useWorkspace } from './workspace-context'

/** Stands in when there is no notification center yet: nothing rings. */
const silent = createAlarmStore()

/**
 * Keeps main's tray in step with the cache's open alerts, the intake health, the queue and
 * whether an alarm rings (main bounces the dock and holds an update install while it does).
 */
export function useTray(alarm: AlarmStore = silent): void {
  const { api } = useAppServices()
  const { db } = useWorkspace()
  const health = useStatusStore((s) => s.health?.state)
  const queued = useStatusStore((s) => s.queued)
  const ringing = useAlarm(alarm).length > 0
  const open = useLiveQuery(() => db.alerts.where('status').equals('open').toArray(), [db])
  const push = useMemo(() => createTrayPusher((status) => api.tray.setStatus(status)), [api])

  useEffect(() => {
    if (open === undefined) return
    push(
      deriveTrayStatus({
        alerts: open,
        health: health === undefined ? [] : [health],
        queuedCommands: queued,
        ringing,
      }),
    )
  }, [push, open, health, queued, ringing])
}
