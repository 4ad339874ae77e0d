import { createContext, useContext, type ReactElement, type ReactNode } from 'react'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CoordinationDb } from '../incidents/coordination'
import type { CacheDb } from '../db/cache-db'
import type { OutboxDb } from '../outbox/outbox-db'
import type { AlertChange, IncidentChange } from '../sync'
import type { SettingsDb } from '../settings/settings-db'

/**
 * What a workspace session needs of `sync`'s `Ingest` (`createIngest(db)` is the real one): a
 * narrower port, so tests can record the batches a session hands over.
 */
export interface SessionIngest {
  /** Resolves with what the batch changed, when the ingest reports it (the real one does). */
  applyBatch(
    events: readonly IntakeEvent[],
  ): Promise<
    | { readonly changes?: readonly AlertChange[]; readonly incidents?: readonly IncidentChange[] }
    | undefined
  >
  applyIncidents?(incidents: readonly Incident[]): Promise<number>
  /** Ends the ingest (the worker's database and the worker itself) when the session stops. */
  close?(): Promise<void>
}

/** How far the ingest is through a batch (a first connect's backfill), for the status bar. */
export interface IngestProgress {
  readonly done: number
  readonly total: number
}

/**
 * Everything the screen needs from outside React, made once at the composition root
 * (`main.tsx`) and injected, so tests hand in a fake API and in-memory databases instead of
 * patching globals.
 */
export interface AppServices {
  readonly api: OndeckApi
  readonly settings: SettingsDb
  openCache(workspaceId: string): Promise<CacheDb>
  /** The workspace's local incidents, workflows and roles (`coordination/`). */
  openCoordination(workspaceId: string): Promise<CoordinationDb>
  createIngest(
    db: CacheDb,
    options?: { onProgress?(progress: IngestProgress): void },
  ): SessionIngest
  /** The outbox's database (one for the app; each workspace's engine reads only its rows). */
  readonly outbox: OutboxDb
}

const ServicesContext = createContext<AppServices | null>(null)

export function ServicesProvider(props: {
  services: AppServices
  children: ReactNode
}): ReactElement {
  return <ServicesContext value={props.services}>{props.children}</ServicesContext>
}

export function useAppServices(): AppServices {
  const services = useContext(ServicesContext)
  if (services === null) throw new Error('useAppServices() outside <ServicesProvider>')
  return services
}
