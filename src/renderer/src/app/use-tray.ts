import { useEffect, useMemo, useState } from 'react'
import {
  addOpenCounts,
  createTrayPusher,
  deriveTrayStatus,
  sumOpenCounts,
  NO_OPEN_ALERTS,
  type OpenCounts,
} from '../notifications'
import type { CacheDb } from '../db/cache-db'
import { forEachAlertPage, watchAlerts } from '../db/alert-set'
import { afterFirstScreen } from '../db/first-screen'
import { useRingingTotal } from '../notifications/ringing-registry'
import { useOutbox } from '../outbox/outbox-context'
import { useOutboxCounts } from '../outbox/use-outbox'
import { effectiveHealth, useStatusStore } from './status-store'
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
  const open = useOpenCounts(dbs)
  const push = useMemo(() => createTrayPusher((status) => api.tray.setStatus(status)), [api])

  useEffect(() => {
    if (open === undefined) return
    push({
      ...deriveTrayStatus({
        open,
        health: [...(health === undefined ? [] : [health]), ...Object.values(background)],
        queuedCommands: queued,
        ringing,
      }),
      ringingCount,
    })
  }, [push, open, health, background, queued, ringing, ringingCount])
}

/**
 * The open alerts of each cache, counted page by page (`forEachAlertPage`) and re-counted after
 * writes at most as often as `watchAlerts` allows: a whole-table read of 100,000 open alerts was
 * one task of ~850 ms on the page, and it re-ran after every ingest commit. Undefined until
 * every cache has answered once.
 */
function useOpenCounts(dbs: readonly CacheDb[]): OpenCounts | undefined {
  const [byDb, setByDb] = useState<ReadonlyMap<CacheDb, OpenCounts | 'failed'>>(new Map())
  useEffect(() => {
    const stops = dbs.map((db) =>
      watchAlerts(
        db,
        () => readOpenCounts(db),
        // a cache that cannot be counted is left out, not waited for (its list shows the error);
        // caches no longer connected are dropped
        (answer) =>
          setByDb((before) =>
            new Map([...before].filter(([other]) => dbs.includes(other))).set(
              db,
              'value' in answer ? answer.value : 'failed',
            ),
          ),
      ),
    )
    return () => stops.forEach((stop) => stop())
  }, [dbs])
  const counts = dbs.map((db) => byDb.get(db))
  if (counts.some((c) => c === undefined)) return undefined
  return sumOpenCounts(counts.filter((c): c is OpenCounts => c !== undefined && c !== 'failed'))
}

async function readOpenCounts(db: CacheDb): Promise<OpenCounts> {
  await afterFirstScreen(db)
  let counts = NO_OPEN_ALERTS
  await forEachAlertPage(db, 'open', (page) => (counts = addOpenCounts(counts, page)))
  return counts
}
