import type { Capabilities, ConnectionHealth, IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { createDeletionConfirmer, type AlertChange, type IncidentChange } from '../sync'
import { importDirectory } from './directory-import'
import { createEventBatcher } from './event-batcher'
import { followIncidentCommands } from './incident-follow'
import type { AppServices, IngestProgress } from './services'
import type { WorkspaceEntry } from '../settings/settings-db'

/** Where the session reports to; the app points these at the workspace and status stores. */
export interface SessionSink {
  connected(capabilities: Capabilities): void
  failed(error: string): void
  health(health: ConnectionHealth): void
  eventsArrived(at: number): void
  /** How far the ingest worker is through a batch (a first connect's backfill). */
  ingestProgress?(progress: IngestProgress): void
  /**
   * What each applied batch changed, after its transaction committed: alert changes (the
   * notification feed) and the Opsgenie incidents it wrote (coordination follows linked ones).
   */
  changes?(changes: readonly AlertChange[], incidents?: readonly IncidentChange[]): void
}

export interface Session {
  readonly db: CacheDb
  /** Resolves once connect, intake start and the directory import have answered (or failed). */
  readonly started: Promise<void>
  stop(): Promise<void>
}

/**
 * Opens a workspace: its cache first (so the screen shows what it knew, even offline), then the
 * event and health subscriptions (before starting intake, so nothing is missed), then connect and
 * `intake:start` from the stored cursor. Events arriving within ~50 ms are applied as one batch.
 */
export async function startSession(
  services: AppServices,
  entry: WorkspaceEntry,
  sink: SessionSink,
): Promise<Session> {
  const { api } = services
  const workspaceId = entry.id
  const db = await services.openCache(workspaceId)
  const ingest = services.createIngest(db, {
    onProgress: (progress) => sink.ingestProgress?.(progress),
  })
  // A Delete webhook only marks its alert; this asks Opsgenie before anything is hidden.
  const deletions = createDeletionConfirmer(db, {
    read: (alertId) => api.alerts.get({ workspaceId, alertId }),
    onChanges: (changes) => sink.changes?.(changes),
  })
  const confirmDeletions = (): void =>
    void deletions.run().catch((error: unknown) => console.error('deletion check failed', error))
  const batcher = createEventBatcher<IntakeEvent>(
    async (batch) => {
      const result = await ingest.applyBatch(batch)
      const changes = result?.changes ?? []
      const incidents = result?.incidents ?? []
      if (changes.length > 0 || incidents.length > 0) sink.changes?.(changes, incidents)
      confirmDeletions()
    },
    {
      onError: (error) => console.error('ingest failed', error),
    },
  )
  const unsubscribe = [
    api.intake.onEvent((event) => {
      if (event.workspaceId !== workspaceId) return
      sink.eventsArrived(event.receivedAt)
      batcher.push(event)
    }),
    api.intake.onHealth((health) => {
      if (health.workspaceId === workspaceId) sink.health(health)
    }),
  ]
  if (ingest.applyIncidents !== undefined) {
    const applyIncidents = ingest.applyIncidents.bind(ingest)
    unsubscribe.push(
      followIncidentCommands({
        outbox: services.outbox,
        workspaceId,
        api,
        applyIncidents,
        since: Date.now(),
      }),
    )
  }

  const start = async (): Promise<void> => {
    const connected = await api.workspace.connect({ workspace: entry.config })
    const offline = (detail: string): void => sink.health({ workspaceId, state: 'offline', detail })
    if (!connected.ok) {
      offline('not connected')
      return sink.failed(connected.error.message)
    }
    sink.connected(connected.value)
    confirmDeletions() // any left unconfirmed by the last session
    const cursor = await db.cursors.get(entry.config.relayUrl !== undefined ? 'relay' : 'poll')
    const health = await api.intake.start({
      workspaceId,
      ...(cursor ? { cursor: cursor.cursor } : {}),
    })
    if (health.ok) sink.health(health.value)
    else {
      offline('not receiving events')
      sink.failed(`Could not start receiving events: ${health.error.message}`)
    }
    const problems = await importDirectory(api, db, ingest, workspaceId, connected.value)
    if (problems.length > 0) console.warn('directory import incomplete', problems)
  }

  return {
    db,
    started: start().catch((error: unknown) => sink.failed((error as Error).message)),
    async stop() {
      for (const off of unsubscribe) off()
      await batcher.flush()
      deletions.stop()
      await ingest.close?.()
    },
  }
}
