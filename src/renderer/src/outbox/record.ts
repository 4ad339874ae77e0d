import type { CommandInput, CommandKind } from './commands'

/**
 * - queued: not sent yet (or about to be);
 * - waiting: held back, `wait.reason` says why (offline, throttled, confirm, retry, paused);
 * - sent: the provider accepted it and gave a request id the outbox is following;
 * - confirmed / failed / expired / cancelled: done; the lane has moved on.
 */
export type CommandState =
  'queued' | 'waiting' | 'sent' | 'confirmed' | 'failed' | 'expired' | 'cancelled'

export const ACTIVE_STATES: readonly CommandState[] = ['queued', 'waiting', 'sent']

export type WaitReason = 'offline' | 'throttled' | 'retry' | 'confirm' | 'paused'

export interface CommandWait {
  reason: WaitReason
  /** When the outbox will try again (throttled: the provider's advertised time). */
  until?: number
  message?: string
  /** confirm only: held because the workspace moved to another provider since it was queued. */
  moved?: boolean
}

export interface CommandFailure {
  kind: string
  message: string
}

/**
 * One row of the outbox, typed by its kind: `input` is that kind's input as it was enqueued
 * (before zod's defaults; the stored format is unchanged). `seq` (auto-increment) is the enqueue
 * order lanes replay in.
 */
export type OutboxCommand = {
  [K in CommandKind]: CommandRow & { kind: K; input: CommandInput<K> }
}[CommandKind]

/** The row of one kind: what `enqueue` answers for a spec of that kind. */
export type CommandOf<K extends CommandKind> = Extract<OutboxCommand, { kind: K }>

/** The fields every row has, whatever its kind. */
export interface CommandRow {
  seq?: number
  id: string
  workspaceId: string
  lane: string
  createdAt: number
  state: CommandState
  /** Earliest time the engine may act on it again. */
  nextAt: number
  attempts: number
  /**
   * Set (durably) just before every send and cleared only when the outcome proves nothing
   * happened: if it is still set when the engine picks the command up, the last send may have
   * taken effect, so the command is reconciled before it is sent again.
   */
  maybeSent: boolean
  requestId?: string
  /**
   * After a send of unknown outcome: not before this time may its effect be looked up (nor a
   * sign of life hurry it), so a request still on its way is not missed.
   */
  settleAt?: number
  entityId?: string
  wait?: CommandWait
  failure?: CommandFailure
  /** The responder said "send now" for a stale command (or retried it) at this time. */
  confirmedAt?: number
  /**
   * The provider the command was queued for (absent: Opsgenie, as in `WorkspaceConfig`). After
   * the workspace moved to another provider it waits for the responder's "send" (`provider-guard.ts`).
   */
  provider?: CommandProvider
  updatedAt: number
}

export type CommandProvider = 'opsgenie' | 'jsm'

export function isActive(command: Pick<OutboxCommand, 'state'>): boolean {
  return ACTIVE_STATES.includes(command.state)
}

/** The workspace's outbox is paused after 401/403 until the responder fixes the key. */
export interface OutboxPause {
  workspaceId: string
  reason: string
  since: number
}
