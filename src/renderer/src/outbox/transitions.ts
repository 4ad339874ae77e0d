import { backoffDelay, type BackoffOptions } from '../../../shared/backoff'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import type { SendResult } from './dispatch'
import type { EffectVerdict } from './verify-effect'
import type { CommandWait, OutboxCommand } from './record'
import type { OutboxSettings } from './settings'

/**
 * The outbox's state machine as pure functions: what a command becomes after a send, a
 * request-status poll or a reconciliation. The engine only performs I/O and persists the result.
 */
export interface StepContext {
  now: number
  random: () => number
  settings: OutboxSettings
}

export interface Transition {
  command: OutboxCommand
  /** Set when the workspace's outbox must pause until the key is fixed (401/403). */
  pause?: string
}

export type Staleness = 'fresh' | 'confirm' | 'expired'

/** Age counts from enqueue, or from the responder's last "send now" / retry. */
export function staleness(command: OutboxCommand, ctx: StepContext): Staleness {
  const age = ctx.now - (command.confirmedAt ?? command.createdAt)
  if (age > ctx.settings.expireAfterMs) return 'expired'
  if (age > ctx.settings.confirmAfterMs && command.confirmedAt === undefined) return 'confirm'
  return 'fresh'
}

const done = (c: OutboxCommand, now: number): OutboxCommand => {
  const { wait: _w, failure: _f, ...rest } = c
  return { ...rest, maybeSent: false, updatedAt: now }
}

/** Full jitter: after an outage every desktop's outbox retries at a different moment, not together. */
function outboxBackoff(settings: OutboxSettings): BackoffOptions {
  return { initialMs: settings.backoffBaseMs, maxMs: settings.backoffCapMs, jitter: 1 }
}

function waiting(
  c: OutboxCommand,
  ctx: StepContext,
  wait: CommandWait,
  backoff: boolean,
): OutboxCommand {
  const attempts = c.attempts + 1
  const until = backoff
    ? ctx.now + backoffDelay(c.attempts, outboxBackoff(ctx.settings), ctx.random)
    : (wait.until ?? ctx.now)
  return {
    ...c,
    state: c.state === 'sent' ? 'sent' : 'waiting',
    wait: { ...wait, until },
    nextAt: until,
    attempts,
    updatedAt: ctx.now,
  }
}

function failed(c: OutboxCommand, now: number, kind: string, message: string): OutboxCommand {
  return { ...done(c, now), state: 'failed', failure: { kind, message } }
}

function confirmed(c: OutboxCommand, now: number, entityId?: string): OutboxCommand {
  return { ...done(c, now), state: 'confirmed', ...(entityId !== undefined ? { entityId } : {}) }
}

function onOutcome(c: OutboxCommand, o: ActionOutcome, ctx: StepContext): Transition {
  switch (o.status) {
    case 'accepted': {
      const { wait: _w, ...rest } = c
      const next = ctx.now + ctx.settings.followIntervalMs
      return {
        command: {
          ...rest,
          state: 'sent',
          requestId: o.requestId,
          attempts: 0,
          nextAt: next,
          updatedAt: ctx.now,
        },
      }
    }
    case 'confirmed':
      return { command: confirmed(c, ctx.now, o.entityId ?? c.entityId) }
    case 'throttled':
      return {
        command: waiting(
          { ...c, maybeSent: c.requestId !== undefined && c.maybeSent },
          ctx,
          {
            reason: 'throttled',
            until: Math.max(o.retryAt, ctx.now),
          },
          false,
        ),
      }
    case 'offline':
      return { command: waiting(c, ctx, { reason: 'offline', message: o.message }, true) }
    case 'unknown': {
      const withId =
        o.requestId !== undefined ? { requestId: o.requestId, state: 'sent' as const } : {}
      const next = waiting({ ...c, ...withId }, ctx, { reason: 'retry', message: o.message }, true)
      if (next.requestId === undefined) {
        const settle = ctx.now + ctx.settings.reconcileAfterMs
        next.nextAt = Math.max(next.nextAt, settle)
        next.wait = { ...next.wait, reason: 'retry', until: next.nextAt }
      }
      return { command: next }
    }
    case 'rejected':
      if (o.kind === 'bad-key' || o.kind === 'wrong-key') {
        return {
          command: {
            ...c,
            state: c.state === 'sent' ? 'sent' : 'waiting',
            wait: { reason: 'paused', message: o.message },
            updatedAt: ctx.now,
          },
          pause: o.message,
        }
      }
      return { command: failed(c, ctx.now, o.kind, o.message) }
  }
}

/** After sending the command itself (its `maybeSent` was set durably before the send). */
export function afterSend(c: OutboxCommand, result: SendResult, ctx: StepContext): Transition {
  switch (result.kind) {
    case 'invalid':
      return { command: failed(c, ctx.now, 'invalid', result.message) }
    case 'not-sent':
      return {
        command: waiting(
          { ...c, maybeSent: false },
          ctx,
          { reason: 'offline', message: result.message },
          true,
        ),
      }
    case 'outcome': {
      const o = result.outcome
      // Provably not applied: the next attempt may send without reconciling first.
      const notApplied =
        o.status === 'throttled' || o.status === 'offline' || o.status === 'rejected'
      return onOutcome(notApplied ? { ...c, maybeSent: false } : c, o, ctx)
    }
  }
}

/** After polling `requests:status` for the stored request id. */
export function afterFollow(c: OutboxCommand, result: SendResult, ctx: StepContext): Transition {
  if (result.kind !== 'outcome') {
    return { command: waiting(c, ctx, { reason: 'retry', message: result.message }, true) }
  }
  const o = result.outcome
  if (o.status === 'accepted') {
    return {
      command: { ...c, nextAt: ctx.now + ctx.settings.followIntervalMs, updatedAt: ctx.now },
    }
  }
  if (o.status === 'rejected' && o.kind === 'not-found') {
    // Opsgenie no longer knows the request: whether it took effect is unknown, so reconcile.
    const { requestId: _r, ...rest } = c
    return {
      command: { ...rest, state: 'queued', maybeSent: true, nextAt: ctx.now, updatedAt: ctx.now },
    }
  }
  return onOutcome(c, o, ctx)
}

/** After looking at the provider's state for a send whose outcome was unknown. */
export function afterVerify(c: OutboxCommand, r: EffectVerdict, ctx: StepContext): Transition {
  switch (r.kind) {
    case 'applied':
      return { command: confirmed(c, ctx.now, r.entityId) }
    case 'not-applied':
      return { command: { ...done(c, ctx.now), state: 'queued', nextAt: ctx.now } }
    case 'gone':
      return { command: failed(c, ctx.now, 'not-found', r.message) }
    case 'retry':
      return { command: waiting(c, ctx, { reason: 'retry', message: r.message }, true) }
  }
}
