import type { Alert, Incident, UpstreamEvent } from '@shared/domain'
import { WorkspaceId, type ConnectionHealth, type IntakeEvent } from '@shared/ipc/schemas'
import { systemClock, type Clock } from '../governor'
import type { FeedItem, Provider } from '../provider/provider'
import type { BackoffOptions } from '../../../shared/backoff'
import { formatCursor, parseCursor, type IntakeCursor } from './cursor'
import { healthOfPoll, healthOfRelay } from './health'
import { createPoller, type PolledChange, type Poller } from './poller'
import { createReconciler, type OpenAlertsSnapshot, type Reconciler } from './reconciler'
import { createRelayClient, type RelayClient } from './relay-client'

/** Defaults suit production; tests shrink them. */
export interface IntakeTuning {
  /** Default 45 s: three of the relay's 15 s heartbeats. */
  readonly heartbeatTimeoutMs?: number
  /** Default 1 s doubling to 60 s. */
  readonly backoff?: BackoffOptions
  /** After the relay refused the token; default 5 min. */
  readonly refusedRetryMs?: number
  /** Default 30 s: two list calls a minute stays far inside the search budget. */
  readonly pollIntervalMs?: number
  /** How far behind its watermark the poller re-lists; default 2 s. */
  readonly pollOverlapMs?: number
  /** Default 5 min. */
  readonly reconcileIntervalMs?: number
  readonly fetch?: typeof fetch
  readonly random?: () => number
}

export interface IntakeOptions {
  readonly workspaceId: string
  /** With a relay: live over SSE; without: the poller. */
  readonly relay?: { readonly url: string; readonly token: string }
  /**
   * The workspace's provider: its adapter runs every read through the governor, and it reads
   * relay frames into domain events, so nothing provider-specific reaches the renderer.
   */
  readonly provider: Pick<Provider, 'feed'>
  emit(event: IntakeEvent): void
  onHealth(health: ConnectionHealth): void
  readonly clock?: Clock
  readonly tuning?: IntakeTuning
}

export interface Intake {
  /** Starts (or restarts, e.g. after the renderer reloaded) from the renderer's cursor. */
  start(cursor?: string): Promise<ConnectionHealth>
  /** After sleep: reconnect now and reconcile. */
  resume(): void
  /**
   * The provider just answered a request: the network is back, so a relay stream waiting out its
   * backoff after a network failure reconnects now (one refused for its token keeps waiting).
   */
  signOfLife(): void
  stop(): Promise<void>
  health(): ConnectionHealth
}

interface Running {
  readonly relay?: RelayClient
  readonly poller?: Poller
  readonly reconciler: Reconciler
  cursor(): string
}

/** How stale `lastEventAt` may get in published health while events keep arriving. */
const HEALTH_REFRESH_MS = 5_000

export function createIntake(options: IntakeOptions): Intake {
  const workspaceId = WorkspaceId.parse(options.workspaceId)
  const clock = options.clock ?? systemClock
  const tuning = options.tuning ?? {}
  let running: Running | undefined
  let lastEventAt: number | undefined
  let current: ConnectionHealth = { workspaceId, state: 'offline', detail: 'intake not started' }

  const publish = (next: Omit<ConnectionHealth, 'workspaceId' | 'lastEventAt'>): void => {
    const health: ConnectionHealth = {
      workspaceId,
      state: next.state,
      lastEventAt,
      detail: next.detail,
      ...(next.pollStrategy !== undefined ? { pollStrategy: next.pollStrategy } : {}),
    }
    if (
      health.state === current.state &&
      health.detail === current.detail &&
      health.lastEventAt === current.lastEventAt &&
      JSON.stringify(health.pollStrategy) === JSON.stringify(current.pollStrategy)
    )
      return
    current = health
    options.onHealth(health)
  }

  const send = (
    source: IntakeEvent['source'],
    cursor: string,
    payload: UpstreamEvent | ((receivedAt: number) => UpstreamEvent),
  ): void => {
    const receivedAt = clock.now()
    if (typeof payload === 'function') payload = payload(receivedAt)
    options.emit({ workspaceId, cursor, source, receivedAt, payload })
    if (source === 'reconcile') return
    lastEventAt = receivedAt
    // Health carries the last event time; refreshing it on every event would double IPC traffic.
    if (receivedAt - (current.lastEventAt ?? -Infinity) >= HEALTH_REFRESH_MS) publish(current)
  }

  const onSnapshot =
    (cursor: () => string) =>
    (snapshot: OpenAlertsSnapshot): void => {
      const { reconcileId, startedAt, alerts } = snapshot
      for (const alert of alerts) send('reconcile', cursor(), alertEvent(alert, reconcileId))
      const alertIds = alerts.map((a) => a.id)
      send('reconcile', cursor(), { kind: 'open-alerts', reconcileId, startedAt, alertIds })
    }

  const reconcilerFor = (cursor: () => string): Reconciler =>
    createReconciler({
      provider: options.provider,
      intervalMs: tuning.reconcileIntervalMs,
      clock,
      onSnapshot: onSnapshot(cursor),
    })

  const startRelay = (
    relay: { url: string; token: string },
    from: IntakeCursor | undefined,
  ): Running => {
    const resumeAfter = from?.kind === 'relay' ? from.lastEventId : undefined
    const cursor = (): string => {
      const id = client.lastEventId() ?? resumeAfter
      return id === undefined ? '' : formatCursor({ kind: 'relay', lastEventId: id })
    }
    const reconciler = reconcilerFor(cursor)
    const client: RelayClient = createRelayClient({
      url: relay.url,
      token: relay.token,
      lastEventId: resumeAfter,
      heartbeatTimeoutMs: tuning.heartbeatTimeoutMs ?? 45_000,
      backoff: tuning.backoff ?? { initialMs: 1_000, maxMs: 60_000 },
      refusedRetryMs: tuning.refusedRetryMs,
      fetch: tuning.fetch,
      clock,
      random: tuning.random,
      onEvent: (event) =>
        send('relay', formatCursor({ kind: 'relay', lastEventId: event.id }), (receivedAt) =>
          options.provider.feed.decodePush(event.data, receivedAt),
        ),
      onReset: (reset) => {
        // The stream skipped events we never saw: the cursor moves on, reconciliation fills the gap.
        send('relay', formatCursor({ kind: 'relay', lastEventId: reset.id }), (receivedAt) =>
          options.provider.feed.decodePush(reset.data, receivedAt),
        )
        void reconciler.run()
      },
      onState: (state) => {
        const health = healthOfRelay(state)
        if (health !== undefined) publish(health)
      },
    })
    publish({ state: 'offline', detail: 'connecting to the relay' })
    client.start()
    reconciler.start()
    return { relay: client, reconciler, cursor }
  }

  const startPoller = (from: IntakeCursor | undefined): Running => {
    const cursor = (): string => formatCursor({ kind: 'poll', ...poller.watermark() })
    const reconciler = reconcilerFor(cursor)
    const poller: Poller = createPoller({
      provider: options.provider,
      since: from?.kind === 'poll' ? { alerts: from.alerts, incidents: from.incidents } : undefined,
      intervalMs: tuning.pollIntervalMs ?? 30_000,
      overlapMs: tuning.pollOverlapMs,
      clock,
      onChange: (change: PolledChange) => {
        const payload =
          change.kind === 'alert' ? alertEvent(change.alert) : incidentEvent(change.incident)
        send('poll', formatCursor({ kind: 'poll', ...change.watermark }), payload)
      },
      // Diagnostics says which poll strategy runs (the documented fallback or `updatedAt>=`).
      onCycle: (outcome) => {
        const pollStrategy = options.provider.feed.pollStrategy?.()
        publish({ ...healthOfPoll(outcome), ...(pollStrategy ? { pollStrategy } : {}) })
      },
    })
    publish({ state: 'polling', detail: 'first poll running' })
    poller.start()
    reconciler.start()
    return { poller, reconciler, cursor }
  }

  const stopRunning = async (): Promise<void> => {
    const r = running
    running = undefined
    if (r === undefined) return
    await Promise.all([r.relay?.stop(), r.poller?.stop(), r.reconciler.stop()])
  }

  return {
    async start(cursor) {
      const from = parseCursor(cursor)
      await stopRunning()
      running = options.relay !== undefined ? startRelay(options.relay, from) : startPoller(from)
      return current
    },
    signOfLife() {
      const relay = running?.relay
      const state = relay?.state()
      if (state?.status === 'waiting' && state.end.kind !== 'refused') relay?.reconnectNow()
    },
    resume() {
      running?.relay?.reconnectNow()
      void running?.poller?.pollNow()
      void running?.reconciler.run()
    },
    async stop() {
      await stopRunning()
      publish({ state: 'offline', detail: 'intake stopped' })
    },
    health: () => ({ ...current, lastEventAt }),
  }
}

/** A listed alert as a domain event; one the provider could not map goes on as a `problem`. */
function alertEvent(item: FeedItem<Alert>, reconcileId?: string): UpstreamEvent {
  if (item.record === undefined) return unreadable(item, 'alert')
  return reconcileId === undefined
    ? { kind: 'alert', alert: item.record }
    : { kind: 'alert', alert: item.record, reconcileId }
}

function incidentEvent(item: FeedItem<Incident>): UpstreamEvent {
  return item.record === undefined
    ? unreadable(item, 'incident')
    : { kind: 'incident', incident: item.record }
}

function unreadable(item: FeedItem<unknown>, what: string): UpstreamEvent {
  const reason = item.unreadable?.reason ?? `${what} ${item.id} does not fit the domain model`
  return { kind: 'problem', reason, raw: item.unreadable?.raw ?? JSON.stringify({ id: item.id }) }
}
