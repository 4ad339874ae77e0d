import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionHealth, IntakeEvent } from '../../../../src/shared/ipc/schemas'
import { IntakeEvent as IntakeEventSchema } from '../../../../src/shared/ipc/schemas'
import {
  createIntake,
  TOKEN_REFUSED,
  type Intake,
  type IntakeTuning,
} from '../../../../src/main/gateway/intake'
import type { UpstreamEvent } from '../../../../src/shared/domain'
import type { Governor } from '../../../../src/main/gateway/governor'
import { providerFor, roomyGovernor, startStack, until, type Stack } from './support'

/** The payloads: domain events, already read through the provider. */
type PollPayload = UpstreamEvent
type ReconcilePayload = UpstreamEvent

let stack: Stack | undefined
let intake: Intake | undefined
afterEach(async () => {
  await intake?.stop()
  await stack?.close()
  intake = undefined
  stack = undefined
})

interface Recorder {
  /** Every request intake sent through the governor: domain and priority. */
  readonly governed: string[]
  readonly events: IntakeEvent[]
  readonly health: ConnectionHealth[]
  last(): ConnectionHealth | undefined
  payloads<T>(source: IntakeEvent['source']): T[]
  snapshots(): Extract<ReconcilePayload, { kind: 'open-alerts' }>[]
}

const FAST: IntakeTuning = {
  heartbeatTimeoutMs: 2_000,
  backoff: { initialMs: 20, maxMs: 200 },
  refusedRetryMs: 60_000,
  pollIntervalMs: 100,
}

function open(s: Stack, relay: boolean, tuning: IntakeTuning = {}): Recorder & { intake: Intake } {
  const events: IntakeEvent[] = []
  const health: ConnectionHealth[] = []
  const governor = roomyGovernor()
  const governed: string[] = []
  const spy: Governor = {
    ...governor,
    run: (domain, priority, send, classify, signal) => {
      governed.push(`${domain}/${priority}`)
      return governor.run(domain, priority, send, classify, signal)
    },
  }
  const payloads = <T>(source: IntakeEvent['source']): T[] =>
    events.filter((e) => e.source === source).map((e) => e.payload as T)
  const created = createIntake({
    workspaceId: 'acme-us',
    relay: relay ? { url: s.relay.url, token: s.token } : undefined,
    provider: providerFor(s.client, spy),
    emit: (event) => events.push(IntakeEventSchema.parse(event)),
    onHealth: (h) => health.push(h),
    tuning: { ...FAST, ...tuning },
  })
  return {
    intake: created,
    governed,
    events,
    health,
    last: () => health.at(-1),
    payloads,
    snapshots: () =>
      payloads<ReconcilePayload>('reconcile').flatMap((p) => (p.kind === 'open-alerts' ? [p] : [])),
  }
}

describe('intake with a relay (live)', () => {
  it('streams relay events with relay cursors, reports live, and reconciles on start', async () => {
    stack = await startStack()
    const r = open(stack, true)
    intake = r.intake
    await intake.start()
    await until(() => r.last()?.state === 'live', 'live health')
    await until(() => r.snapshots().length > 0, 'the start reconciliation')
    expect(new Set(r.governed)).toEqual(new Set(['search/sync']))
    const alertId = await stack.createAlert('api-5xx')
    const event = await until(() => r.events.find((e) => e.source === 'relay'), 'the relay event')
    expect(event.payload).toMatchObject({ kind: 'alert-event', alertId, activity: 'created' })
    expect(event.cursor).toMatch(/^relay:\d+$/)
    expect(event.workspaceId).toBe('acme-us')
    await until(() => r.last()?.lastEventAt === event.receivedAt, 'lastEventAt in the health')
    expect(intake.health()).toMatchObject({ state: 'live', lastEventAt: event.receivedAt })
  })

  it('reconciliation catches changes whose webhooks were lost while the relay was down', async () => {
    stack = await startStack()
    const r = open(stack, true)
    intake = r.intake
    await intake.start()
    const kept = await stack.createAlert('kept-open')
    const closed = await stack.createAlert('closed-while-down')
    await until(
      () => r.events.filter((e) => e.source === 'relay').length === 2,
      'both creates via the relay',
    )

    await stack.relay.close()
    stack.relay = { ...stack.relay, close: () => Promise.resolve() }
    await until(() => r.last()?.state === 'offline', 'offline health')
    // their webhooks fail to deliver and are dropped; no need to wait for that
    await stack.settle(stack.client.alerts.acknowledge(kept), false)
    await stack.settle(stack.client.alerts.close(closed), false)
    const before = r.snapshots().length
    intake.resume() // e.g. the laptop woke up
    const snapshot = await until(() => r.snapshots()[before], 'a reconciliation after resume')
    expect(snapshot.alertIds).toEqual([kept])
    const alerts = r
      .payloads<ReconcilePayload>('reconcile')
      .flatMap((p) =>
        p.kind === 'alert' && p.reconcileId === snapshot.reconcileId ? [p.alert] : [],
      )
    expect(alerts).toEqual([
      expect.objectContaining({ id: kept, acknowledged: true, status: 'open' }),
    ])
    // reconcile events keep the cursor where the relay left it
    const lastRelay = r.events.filter((e) => e.source === 'relay').at(-1)
    expect(r.events.at(-1)?.cursor).toBe(lastRelay?.cursor)
  })

  it('on reset emits the notice with the new cursor and reconciles again', async () => {
    stack = await startStack()
    await stack.createAlert('before')
    const latest = await stack.latestEventId()
    const r = open(stack, true)
    intake = r.intake
    await intake.start('relay:999') // a cursor from a wiped relay
    const reset = await until(() => r.events.find((e) => e.source === 'relay'), 'the reset notice')
    expect(reset.cursor).toBe(`relay:${latest}`)
    expect(reset.payload).toEqual({ kind: 'gap', reason: 'relay reset: unknown_cursor' })
    await until(() => r.snapshots().length >= 2, 'the start and the reset reconciliations')
  })

  it('resumes from the renderer cursor after an intake restart, without repeats', async () => {
    stack = await startStack()
    const first = open(stack, true)
    intake = first.intake
    await intake.start()
    await until(() => first.last()?.state === 'live', 'live health')
    await stack.createAlert('r1')
    const cursor = await until(
      () => first.events.find((e) => e.source === 'relay')?.cursor,
      'the first event',
    )
    await intake.stop()
    await stack.createAlert('r2')
    const second = open(stack, true)
    intake = second.intake
    await intake.start(cursor)
    const next = await until(
      () => second.events.find((e) => e.source === 'relay'),
      'the event missed while stopped',
    )
    expect(next.cursor).toBe(`relay:${Number(cursor.slice('relay:'.length)) + 1}`)
  })

  it('a revoked device token degrades health with a clear reason', async () => {
    stack = await startStack()
    const r = open(stack, true)
    intake = r.intake
    await intake.start()
    await until(() => r.last()?.state === 'live', 'live health')
    stack.revokeToken()
    const degraded = await until(
      () => r.health.find((h) => h.state === 'degraded'),
      'degraded health',
    )
    expect(degraded.detail).toContain(TOKEN_REFUSED)
  })

  it('reconciles every interval, not only on start', async () => {
    stack = await startStack()
    const r = open(stack, true, { reconcileIntervalMs: 100 })
    intake = r.intake
    await intake.start()
    await until(() => r.snapshots().length >= 3, 'three reconciliations')
  })

  it('refuses a malformed cursor, naming the formats', async () => {
    stack = await startStack()
    intake = open(stack, true).intake
    await expect(intake.start('42')).rejects.toThrow(/relay:<event id> nor poll:/)
  })
})

describe('intake without a relay (polling)', () => {
  it('picks up created and changed alerts and incidents with poll cursors', async () => {
    stack = await startStack({ webhooks: false })
    const r = open(stack, false)
    intake = r.intake
    await intake.start()
    await until(
      () => r.last()?.state === 'polling' && r.last()?.detail === undefined,
      'a first successful poll',
    )
    const alertId = await stack.createAlert('disk-full')
    await until(
      () =>
        r.payloads<PollPayload>('poll').some((p) => p.kind === 'alert' && p.alert.id === alertId),
      'the created alert',
    )
    await stack.settle(stack.client.alerts.acknowledge(alertId))
    await until(
      () =>
        r
          .payloads<PollPayload>('poll')
          .some(
            (p) => p.kind === 'alert' && p.alert.id === alertId && p.alert.acknowledged === true,
          ),
      'the acknowledgement',
    )
    const { requestId } = await stack.client.incidents.create({
      message: 'checkout down',
      priority: 'P1',
    })
    const done = await stack.client.incidents.waitForRequest(requestId, {
      timeoutMs: 5_000,
      intervalMs: 10,
    })
    expect(done.isSuccess).toBe(true)
    await until(
      () =>
        r
          .payloads<PollPayload>('poll')
          .some((p) => p.kind === 'incident' && p.incident.message === 'checkout down'),
      'the incident',
    )

    const polls = r.events.filter((e) => e.source === 'poll')
    for (const e of polls) expect(e.cursor).toMatch(/^poll:\d{13}:\d{13}$/)
    const alertMarks = polls.map((e) => Number(e.cursor.split(':')[1]))
    expect(alertMarks).toEqual([...alertMarks].sort((a, b) => a - b)) // the watermark never goes back
    // every list went through the governor at sync priority, in the right rate-limit domain
    expect(new Set(r.governed)).toEqual(new Set(['search/sync', 'incident/sync']))
  })

  it('restarted from its cursor, it picks up what changed while stopped and replays nothing older', async () => {
    stack = await startStack({ webhooks: false })
    // No overlap: only the cursor can bring back an alert created before the restart.
    const first = open(stack, false, { pollOverlapMs: 0 })
    intake = first.intake
    await intake.start()
    const oldId = await stack.createAlert('old')
    const cursor = await until(
      () => first.events.find((e) => e.source === 'poll')?.cursor,
      'the first poll event',
    )
    await intake.stop()
    const fresh = await stack.createAlert('fresh')
    const second = open(stack, false, { pollOverlapMs: 0 })
    intake = second.intake
    await intake.start(cursor)
    await until(
      () =>
        second
          .payloads<PollPayload>('poll')
          .some((p) => p.kind === 'alert' && p.alert.id === fresh),
      'the new alert',
    )
    const replayed = second
      .payloads<PollPayload>('poll')
      .filter((p) => p.kind === 'alert' && p.alert.id === oldId)
    expect(replayed.length).toBeLessThanOrEqual(1) // at most the boundary item, re-sent once
  })

  it('reports offline while Opsgenie cannot be reached', async () => {
    stack = await startStack({ webhooks: false })
    const r = open(stack, false)
    intake = r.intake
    await intake.start()
    await until(
      () => r.last()?.state === 'polling' && r.last()?.detail === undefined,
      'a first successful poll',
    )
    stack.sim.setFaults({ resetRate: 1 })
    const offline = await until(() => r.health.find((h) => h.state === 'offline'), 'offline health')
    expect(offline.detail).toBeTruthy()
  })
})
