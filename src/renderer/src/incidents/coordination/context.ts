import type { OndeckApi } from '../../../../shared/ipc/api'
import type { CommandSpec } from '../../outbox/commands'
import type { OutboxCommand } from '../../outbox/record'
import type { Priority } from '../../../../shared/domain'
import type { CoordinationDb } from './coordination-db'
import type { CacheDb } from '../../db/cache-db'
import type { Trigger } from '../../workflows/workflow-schema'

/** The outbox as coordination uses it: every outbound effect is a queued command. */
export interface CoordinationOutbox {
  enqueue(spec: CommandSpec): Promise<OutboxCommand>
}

/**
 * Reads coordination needs from main: on-call lookups, schedules and the services import; the
 * live alert before a page (who already responds); an Opsgenie incident to link, by id or search.
 */
export interface CoordinationPort {
  directory: Pick<OndeckApi['directory'], 'onCalls' | 'schedules' | 'services'>
  alerts: Pick<OndeckApi['alerts'], 'get'>
  incidents: Pick<OndeckApi['incidents'], 'get' | 'list'>
}

/** What an alert trigger knows about its alert. */
export interface AlertFacts {
  id: string
  alias?: string
  message?: string
  priority?: Priority
  tags: string[]
  teams: string[]
}

/** Something workflows may react to; `causedBy` lists the workflows whose runs led to it. */
export interface TriggerEvent {
  trigger: Trigger
  incidentId?: string
  alert?: AlertFacts
  causedBy: string[]
}

export interface CoordinationContext {
  db: CoordinationDb
  outbox: CoordinationOutbox
  port: CoordinationPort
  /** The workspace's cache: the directory that turns a responder's name into its id. */
  cache?: CacheDb
  workspaceId: string
  now(): number
  newId(): string
  /** Runs the workflows for an event (set by `createCoordination`). */
  emit(event: TriggerEvent): Promise<void>
}

/** Reads an envelope's value or throws its message, for reads whose failure ends the step. */
export async function read<T>(
  call: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const answer = await call()
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}
