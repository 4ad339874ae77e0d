import { describe, expect, it } from 'vitest'
import type { CommandRow, OutboxCommand } from '../../../src/renderer/src/outbox/record'
import { outboxSettings } from '../../../src/renderer/src/outbox/settings'
import {
  afterFollow,
  afterObserved,
  afterVerify,
  afterSend,
  reachedProvider,
  staleness,
  wakeAt,
  type StepContext,
} from '../../../src/renderer/src/outbox/transitions'

const settings = outboxSettings({
  backoffBaseMs: 100,
  backoffCapMs: 1_000,
  reconcileAfterMs: 500,
  followIntervalMs: 50,
})
const ctx = (now = 10_000, random = () => 0.5): StepContext => ({ now, random, settings })
const command = (over: Partial<CommandRow> = {}): OutboxCommand => ({
  seq: 1,
  id: 'c1',
  workspaceId: 'w',
  lane: 'alert:id:a1',
  kind: 'alerts:acknowledge',
  input: { alertId: 'a1' },
  createdAt: 9_000,
  state: 'queued',
  nextAt: 9_000,
  attempts: 0,
  maybeSent: true,
  updatedAt: 9_000,
  ...over,
})
const outcome = (o: Parameters<typeof afterSend>[1] extends infer R ? R : never): typeof o => o

describe('state machine after a send', () => {
  it('stores the request id and follows it', () => {
    const { command: next } = afterSend(
      command(),
      outcome({ kind: 'outcome', outcome: { status: 'accepted', requestId: 'r1' } }),
      ctx(),
    )
    expect(next).toMatchObject({ state: 'sent', requestId: 'r1', nextAt: 10_050 })
  })
  it('waits exactly as long as a 429 says and knows nothing was applied', () => {
    const { command: next } = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'throttled', retryAt: 12_345 } },
      ctx(),
    )
    expect(next).toMatchObject({
      state: 'waiting',
      maybeSent: false,
      nextAt: 12_345,
      wait: { reason: 'throttled', until: 12_345 },
    })
  })
  it('backs off on offline without reconciling, and on unknown with reconciling', () => {
    const offline = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'offline', message: 'ECONNREFUSED' } },
      ctx(),
    ).command
    expect(offline).toMatchObject({
      state: 'waiting',
      maybeSent: false,
      wait: { reason: 'offline' },
    })
    expect(offline.nextAt).toBe(10_050)
    const unknown = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'unknown', message: '503' } },
      ctx(),
    ).command
    expect(unknown).toMatchObject({ state: 'waiting', maybeSent: true })
    expect(unknown.nextAt).toBe(10_500)
  })
  it('pauses the workspace on 401/403 and keeps the command', () => {
    const t = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'rejected', kind: 'bad-key', message: 'bad key' } },
      ctx(),
    )
    expect(t.pause).toBe('bad key')
    expect(t.command).toMatchObject({
      state: 'waiting',
      maybeSent: false,
      wait: { reason: 'paused' },
    })
  })
  it.each(['not-found', 'invalid', 'plan'] as const)(
    'fails for good on %s with the reason',
    (kind) => {
      const t = afterSend(
        command(),
        { kind: 'outcome', outcome: { status: 'rejected', kind, message: `why ${kind}` } },
        ctx(),
      )
      expect(t.command).toMatchObject({
        state: 'failed',
        failure: { kind, message: `why ${kind}` },
      })
    },
  )
  it('treats an envelope refusal as invalid and a gateway error as not sent', () => {
    expect(
      afterSend(command(), { kind: 'invalid', message: 'bad input' }, ctx()).command.state,
    ).toBe('failed')
    expect(
      afterSend(command(), { kind: 'not-sent', message: 'not connected' }, ctx()).command,
    ).toMatchObject({ state: 'waiting', maybeSent: false })
  })
})

describe('state machine while following and reconciling', () => {
  const sent = command({ state: 'sent', requestId: 'r1' })
  it('keeps polling while pending, confirms with the entity id', () => {
    expect(
      afterFollow(
        sent,
        { kind: 'outcome', outcome: { status: 'accepted', requestId: 'r1' } },
        ctx(),
      ).command,
    ).toMatchObject({ state: 'sent', nextAt: 10_050 })
    expect(
      afterFollow(
        sent,
        { kind: 'outcome', outcome: { status: 'confirmed', entityId: 'a9' } },
        ctx(),
      ).command,
    ).toMatchObject({ state: 'confirmed', entityId: 'a9', maybeSent: false })
  })
  it('fails when Opsgenie processed the request and refused it', () => {
    expect(
      afterFollow(
        sent,
        {
          kind: 'outcome',
          outcome: { status: 'rejected', kind: 'failed', message: 'Alert does not exist' },
        },
        ctx(),
      ).command,
    ).toMatchObject({ state: 'failed', failure: { message: 'Alert does not exist' } })
  })
  it('reconciles when the request id is unknown upstream', () => {
    const next = afterFollow(
      sent,
      { kind: 'outcome', outcome: { status: 'rejected', kind: 'not-found', message: 'gone' } },
      ctx(),
    ).command
    expect(next).toMatchObject({ state: 'queued', maybeSent: true })
    expect(next.requestId).toBeUndefined()
  })
  it('confirms what already happened, resends what did not, fails a vanished target', () => {
    expect(afterVerify(command(), { kind: 'applied' }, ctx()).command.state).toBe('confirmed')
    expect(afterVerify(command(), { kind: 'not-applied' }, ctx()).command).toMatchObject({
      state: 'queued',
      maybeSent: false,
      nextAt: 10_000,
    })
    expect(afterVerify(command(), { kind: 'gone', message: 'no alert' }, ctx()).command.state).toBe(
      'failed',
    )
    expect(
      afterVerify(command(), { kind: 'retry', message: 'offline' }, ctx()).command,
    ).toMatchObject({ state: 'waiting', maybeSent: true })
  })
})

describe('staleness', () => {
  const s = outboxSettings({ confirmAfterMs: 15 * 60_000, expireAfterMs: 24 * 3_600_000 })
  const at = (now: number): StepContext => ({ now, random: Math.random, settings: s })
  it('asks after 15 minutes and expires after 24 hours', () => {
    const c = command({ createdAt: 0 })
    expect(staleness(c, at(15 * 60_000))).toBe('fresh')
    expect(staleness(c, at(15 * 60_000 + 1))).toBe('confirm')
    expect(staleness(c, at(24 * 3_600_000 + 1))).toBe('expired')
  })
  it('counts from the responder\'s "send now"', () => {
    const c = command({ createdAt: 0, confirmedAt: 20 * 60_000 })
    expect(staleness(c, at(40 * 60_000))).toBe('fresh')
  })
  it('refuses settings where expiry comes before confirmation', () => {
    expect(() => outboxSettings({ confirmAfterMs: 10, expireAfterMs: 5 })).toThrow(/expireAfterMs/)
    expect(() => outboxSettings({ backoffBaseMs: -1 })).toThrow(/backoffBaseMs/)
  })
})

describe('confirmation by observation and signs of life (issue 12)', () => {
  const accepted = outcome({ kind: 'outcome', outcome: { status: 'accepted', requestId: 'r1' } })
  const observing = (now = 10_000): StepContext => ({ ...ctx(now), observing: true })

  it('an accepted alert command waits the observation window for its webhook before following', () => {
    expect(afterSend(command(), accepted, observing()).command.nextAt).toBe(
      10_000 + settings.observeWindowMs,
    )
    // without a live relay it follows at once
    expect(afterSend(command(), accepted, ctx()).command.nextAt).toBe(10_050)
  })
  it('incident commands and commands with nothing to observe are followed at once', () => {
    const resolve = command({ lane: 'incident:id:i1' }) as OutboxCommand
    const incident = { ...resolve, kind: 'incidents:resolve', input: { incidentId: 'i1' } }
    expect(afterSend(incident as OutboxCommand, accepted, observing()).command.nextAt).toBe(10_050)
    const escalate = {
      ...command(),
      kind: 'alerts:escalate',
      input: { alertId: 'a1', escalation: { name: 'Ops' } },
    }
    expect(afterSend(escalate as OutboxCommand, accepted, observing()).command.nextAt).toBe(10_050)
  })
  it('an observed effect confirms the command, whatever step it was in', () => {
    const sent = command({ state: 'sent', requestId: 'r1', nextAt: 99_000 })
    expect(afterObserved(sent, { entityId: 'a9' }, ctx()).command).toMatchObject({
      state: 'confirmed',
      maybeSent: false,
      entityId: 'a9',
    })
  })
  it('a sign of life ends a network wait at once, but not a 429, and not before a send of unknown outcome settled', () => {
    const offline = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'offline', message: 'refused' } },
      ctx(),
    ).command
    expect(wakeAt(offline, ctx(10_001))).toBe(10_001)
    const unknown = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'unknown', message: 'reset' } },
      ctx(),
    ).command
    expect(unknown.settleAt).toBe(10_500)
    expect(wakeAt(unknown, ctx(10_001))).toBe(10_500)
    expect(wakeAt(unknown, ctx(20_000))).toBe(20_000)
    const throttled = afterSend(
      command(),
      { kind: 'outcome', outcome: { status: 'throttled', retryAt: 12_345 } },
      ctx(),
    ).command
    expect(wakeAt(throttled, ctx(10_001))).toBeUndefined()
    // following an accepted request's id is a read: at once
    const following = afterFollow(
      command({ state: 'sent', requestId: 'r1' }),
      { kind: 'outcome', outcome: { status: 'offline', message: 'refused' } },
      ctx(),
    ).command
    expect(wakeAt(following, ctx(10_001))).toBe(10_001)
  })
  it('names which results show the provider answered', () => {
    expect(reachedProvider(accepted)).toBe(true)
    expect(
      reachedProvider({
        kind: 'outcome',
        outcome: { status: 'rejected', kind: 'not-found', message: 'x' },
      }),
    ).toBe(true)
    expect(reachedProvider({ kind: 'outcome', outcome: { status: 'offline', message: 'x' } })).toBe(
      false,
    )
    expect(reachedProvider({ kind: 'outcome', outcome: { status: 'unknown', message: 'x' } })).toBe(
      false,
    )
    expect(reachedProvider({ kind: 'not-applied' })).toBe(true)
    expect(reachedProvider({ kind: 'retry', message: 'x' })).toBe(false)
  })
})
