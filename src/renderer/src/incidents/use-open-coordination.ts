import { useEffect, useState } from 'react'
import {
  createCoordination,
  type CoordinationDb,
  type Coordination,
  type CoordinationOutbox,
  type CoordinationPort,
} from './coordination'
import type { CacheDb } from '../db/cache-db'

/**
 * One `Coordination` per open workspace, next to its outbox engine: its own database, and the
 * defaults (roles, workflows) created on the first connect. `undefined` until ready or while
 * the outbox is not; closed when the workspace closes. `openDb` comes from the composition root
 * (`AppServices.openCoordination`), which makes every database the app opens. `cache` (the
 * workspace's CacheDb) lets the re-page rule match responders by id and by name.
 */
export function useOpenCoordination(
  workspaceId: string,
  outbox: CoordinationOutbox | undefined,
  port: CoordinationPort,
  openDb: (workspaceId: string) => Promise<CoordinationDb>,
  cache?: CacheDb,
): Coordination | undefined {
  const [open, setOpen] = useState<Coordination | undefined>()
  useEffect(() => {
    if (outbox === undefined) return undefined
    let closed = false
    let db: CoordinationDb | undefined
    void (async () => {
      db = await openDb(workspaceId)
      if (closed) return
      const coordination = createCoordination({
        db,
        outbox,
        port,
        ...(cache !== undefined ? { cache } : {}),
        workspaceId,
        onError: (error) => console.error('an incoming change was not coordinated', error),
      })
      await coordination.connect()
      if (!closed) setOpen(coordination)
    })().catch((error: unknown) => console.error('coordination did not open', error))
    return () => {
      closed = true
      setOpen(undefined)
      db?.close()
    }
  }, [workspaceId, outbox, port, openDb, cache])
  return open?.workspaceId === workspaceId ? open : undefined
}
