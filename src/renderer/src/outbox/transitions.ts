import { backoffDelay, type BackoffOptions } from '../../../shared/backoff'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import { rulesOf } from '../../../shared/commands/catalogue'
import type { SendResult } from './dispatch'
import type { EffectVerdict } from './verify-effect'
import type { Observed } from './observe'
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
  /**
   * The relay stream is live, so the webhook of an accepted command's own action is expected to
   * confirm it: its request id is followed only after `observeWindowMs` without one.
   */
  observing?: boolean
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
  const { wait: _w, failure: _f, settleAt: _s, ...rest } = c
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

/**
 * Whether the push stream can show this command's effect: it carries alert changes (webhooks),
 * and the command has something to look for. Incident commands and add-responder or escalate
 * are followed by their request id at once.
 */
function observable(c: OutboxCommand): boolean {
  const rules = rulesOf(c.kind)
  return (
    (rules.target === 'alert' || rules.target === 'new-alert') &&
    rules.effectOnce.strategy !== 'none'
  )
}

function onOutcome(c: OutboxCommand, o: ActionOutcome, ctx: StepContext): Transition {
  switch (o.status) {
    case 'accepted': {
      const { wait: _w, ...rest } = c
      const next =
        ctx.now +
        (ctx.observing === true && observable(c)
          ? ctx.settings.observeWindowMs
          : ctx.settings.followIntervalMs)
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
        next.settleAt = settle
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

/**
 * Whether a step's result shows the provider answered (any answer, a refusal or a 429 too): the
 * network is back, so lanes waiting for it need not sit out their backoff.
 */
export function reachedProvider(result: SendResult | EffectVerdict): boolean {
  switch (result.kind) {
    case 'outcome':
      return result.outcome.status !== 'offline' && result.outcome.status !== 'unknown'
    case 'invalid':
    case 'not-sent':
    case 'retry':
      return false
    case 'applied':
    case 'not-applied':
    case 'gone':
      return true
  }
}

/**
 * The earliest a command waiting for the network may safely go again once there is a sign of
 * life: at once when it provably was not sent (`offline`) or only its request is being followed
 * (a read); a send of unknown outcome still waits out `reconcileAfterMs` from that send, so a
 * request still on its way is not missed. Undefined: its wait is not the network's (a 429's
 * advertised period, a pause, a confirmation) and a sign of life changes nothing.
 */
export function wakeAt(c: OutboxCommand, ctx: StepContext): number | undefined {
  if (c.wait?.reason === 'offline') return ctx.now
  if (c.wait?.reason !== 'retry') return undefined
  if (c.requestId !== undefined || !c.maybeSent) return ctx.now
  return Math.max(ctx.now, c.settleAt ?? ctx.now)
}

/**
 * The intake showed the command's effect (the webhook of its own action, a poll's read): it is
 * confirmed without asking the provider, whatever step it was in.
 */
export function afterObserved(c: OutboxCommand, seen: Observed, ctx: StepContext): Transition {
  return { command: confirmed(c, ctx.now, seen.entityId ?? c.entityId) }
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
