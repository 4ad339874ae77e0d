import type { Clock } from '../../../shared/clock'
import { addressed } from '../../../shared/commands/catalogue'
import { createdByCommand, type CommandSpec } from './commands'
import { sendCommand, settle } from './dispatch'
import { newCommand } from './enqueue'
import type { OutboxDb } from './outbox-db'
import type { OutboxPort } from './port'
import { verifyEffect } from './verify-effect'
import { observedEffect, type Observation, type Observed } from './observe'
import { movedMessage, queuedFor } from './provider-guard'
import {
  ACTIVE_STATES,
  isActive,
  type CommandOf,
  type CommandProvider,
  type OutboxCommand,
} from './record'
import { outboxSettings, type OutboxSettings, type OutboxSettingsInput } from './settings'
import {
  afterFollow,
  afterObserved,
  afterVerify,
  afterSend,
  reachedProvider,
  staleness,
  wakeAt,
  type StepContext,
  type Transition,
} from './transitions'

/** Wall-clock epoch ms: staleness compares it with when a command was queued. */
export const systemOutboxClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  },
}

export interface OutboxEngineOptions {
  db: OutboxDb
  port: OutboxPort
  workspaceId: string
  settings?: OutboxSettingsInput
  clock?: Clock
  random?: () => number
  /** Called when a step throws unexpectedly (a bug or a closed database); the lane retries later. */
  onError?(error: unknown): void
  /**
   * Whether the relay stream is live now: then an accepted command waits for the webhook of its
   * own action (`observe`) before following its request id.
   */
  observing?(): boolean
  /**
   * The workspace's provider now, read before every step (absent: no provider guard). A command
   * queued for another one (the workspace moved to JSM) waits for the responder's confirmation.
   */
  currentProvider?(): Promise<CommandProvider>
}

export interface OutboxEngine {
  /** Loads the workspace's unfinished commands and starts replaying them. */
  start(): Promise<void>
  /** Stops replaying; in-flight answers are dropped unrecorded, exactly as a crash would. */
  stop(): void
  /**
   * Durably queues a command and resolves only once it is on disk. `hold` keeps it unsent for
   * `undoHoldMs` (on disk, so a reload still sends it), during which `cancel` is Undo.
   */
  enqueue<S extends CommandSpec>(
    spec: S,
    options?: { readonly hold?: boolean },
  ): Promise<CommandOf<S['kind']>>
  /** Sends a failed, expired or cancelled command again, or a waiting one now. */
  retry(id: string): Promise<void>
  /** "Send now" for a command older than the confirmation limit. */
  confirm(id: string): Promise<void>
  /** Withdraws a command that has not been sent (a sent one cannot be unsent). */
  cancel(id: string): Promise<void>
  /** Lifts the 401/403 pause after the responder fixed the key. */
  resume(): Promise<void>
  /**
   * What the intake just applied: a command that may have been sent and whose effect shows in it
   * is confirmed without another request (confirmation by observation).
   */
  observe(seen: Observation): void
  /**
   * A sign of life (the relay reconnected, the OS is online again, any request got an answer):
   * lanes waiting for the network go now, in order, instead of sitting out their backoff. A 429's
   * advertised period and a send of unknown outcome's settling time are still honoured.
   */
  wake(): void
  readonly settings: OutboxSettings
}

/**
 * Replays the outbox: one ordered lane per target, lanes in parallel, each lane doing one step
 * (send, follow, reconcile) at a time and writing its result durably before the next. The
 * in-memory map mirrors the database's unfinished rows; the database is the truth on restart.
 */
export function createOutboxEngine(options: OutboxEngineOptions): OutboxEngine {
  const { db, port, workspaceId } = options
  const settings = outboxSettings(options.settings)
  const clock = options.clock ?? systemOutboxClock
  const random = options.random ?? Math.random
  const active = new Map<string, OutboxCommand>()
  const running = new Set<string>()
  const inFlight = new Set<string>()
  let alive = false
  let stopped = false
  let paused = false
  let cancelTimer: (() => void) | undefined
  let probeTimer: (() => void) | undefined
  /** Effects observed while the command's lane was mid-step: the step's result is replaced. */
  const observedMidStep = new Map<string, Observed>()
  const ctx = (): StepContext => ({
    now: clock.now(),
    random,
    settings,
    observing: options.observing?.() ?? false,
  })

  async function save(next: OutboxCommand): Promise<OutboxCommand> {
    if (stopped) throw new EngineStopped()
    const seen = observedMidStep.get(next.id)
    const command =
      seen !== undefined && isActive(next) ? afterObserved(next, seen, ctx()).command : next
    if (!isActive(command)) observedMidStep.delete(command.id)
    await db.transaction('rw', db.commands, () => db.commands.put(command))
    if (isActive(command)) active.set(command.id, command)
    else active.delete(command.id)
    return command
  }

  async function apply(t: Transition): Promise<OutboxCommand> {
    if (t.pause !== undefined && !stopped) {
      paused = true
      await db.pauses.put({ workspaceId, reason: t.pause, since: clock.now() })
    }
    return save(t.command)
  }

  /** The id of the incident a queued create opened, once that create is confirmed. */
  async function resolveIncident(
    command: OutboxCommand,
  ): Promise<string | 'wait' | 'gone' | undefined> {
    const a = addressed(command)
    const raw = a.target === 'incident' ? a.input.incidentId : undefined
    const creator = typeof raw === 'string' ? createdByCommand(raw) : undefined
    if (creator === undefined) return undefined
    const create = await db.commands.where('id').equals(creator).first()
    if (create?.state === 'confirmed' && create.entityId !== undefined) return create.entityId
    return create !== undefined && isActive(create) ? 'wait' : 'gone'
  }

  /** One step of a lane's head; answers whether the provider answered (a sign of life). */
  async function step(head: OutboxCommand): Promise<boolean> {
    let command = head
    const current = await options.currentProvider?.()
    if (current !== undefined && queuedFor(command) !== current) {
      const message = movedMessage(queuedFor(command), current)
      const wait = { reason: 'confirm' as const, message, moved: true }
      // the move may have re-pointed the row on disk (../migration/): hold that one
      const stored = (await db.commands.where('id').equals(command.id).first()) ?? command
      const repointed = { ...command, input: stored.input, lane: stored.lane } as OutboxCommand
      await save({
        ...repointed,
        state: 'waiting',
        wait,
        nextAt: clock.now() + settings.expireAfterMs,
      })
      return false
    }
    const incident = await resolveIncident(command)
    if (incident === 'wait') {
      await save({ ...command, nextAt: clock.now() + settings.followIntervalMs })
      return false
    }
    if (incident === 'gone') {
      const failure = { kind: 'dependency', message: 'the incident it acts on was never created' }
      await save({ ...command, state: 'failed', maybeSent: false, failure, updatedAt: clock.now() })
      return false
    }
    if (command.requestId !== undefined) {
      const domain = command.kind.startsWith('alerts:') ? 'alert' : 'incident'
      const requestId = command.requestId
      const result = await settle(() => port.requests.status({ workspaceId, domain, requestId }))
      await apply(afterFollow(command, result, ctx()))
      return reachedProvider(result)
    }
    let reached = false
    if (command.maybeSent) {
      const verdict = await verifyEffect(port, command, incident)
      reached = reachedProvider(verdict)
      command = await apply(afterVerify(command, verdict, ctx()))
      if (command.state !== 'queued') return reached
    }
    const stale = staleness(command, ctx())
    if (stale === 'expired') {
      await save({ ...command, state: 'expired', updatedAt: clock.now() })
      return reached
    }
    if (stale === 'confirm') {
      const until = command.createdAt + settings.expireAfterMs + 1
      await save({ ...command, state: 'waiting', wait: { reason: 'confirm' }, nextAt: until })
      return reached
    }
    // Write-ahead: from here until an outcome proves otherwise, the send may have happened.
    const { wait: _wait, ...rest } = command
    const now = clock.now()
    const settleAt = now + settings.reconcileAfterMs
    command = await save({
      ...rest,
      state: 'queued',
      maybeSent: true,
      nextAt: settleAt,
      updatedAt: now,
    })
    // observed before it went (another step's send of the same effect): nothing to send
    if (command.state !== 'queued') return reached
    const result = await sendCommand(port, command, incident)
    await apply(afterSend(command, result, ctx()))
    return reached || reachedProvider(result)
  }

  /** Each lane's first unfinished command, oldest lane first: only a head can step. */
  function laneHeads(): OutboxCommand[] {
    const heads = new Map<string, OutboxCommand>()
    const ordered = [...active.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    for (const command of ordered) if (!heads.has(command.lane)) heads.set(command.lane, command)
    return [...heads.values()]
  }

  function wake(): void {
    if (!alive || paused) return
    const now = ctx()
    let woke = false
    for (const head of laneHeads()) {
      if (running.has(head.lane)) continue
      const at = wakeAt(head, now)
      if (at !== undefined && at < head.nextAt) {
        active.set(head.id, { ...head, nextAt: at })
        woke = true
      }
    }
    if (woke) pump()
  }

  /**
   * While lanes wait for the network, the oldest one whose wait a sign of life could end is
   * tried every `probeIntervalMs` (jittered): it is the probe, and when it gets an answer,
   * `wake` sends the rest. Only one lane probes, so an outage costs one request a second.
   */
  function scheduleProbe(): void {
    if (probeTimer !== undefined || !alive || paused) return
    const now = ctx()
    const waiting = laneHeads().some((head) => wakeAt(head, now) !== undefined)
    if (!waiting) return
    const delay = settings.probeIntervalMs * (0.5 + random() * 0.5)
    probeTimer = clock.setTimeout(() => {
      probeTimer = undefined
      probe()
    }, delay)
  }

  function probe(): void {
    if (!alive || paused) return
    const now = ctx()
    if (laneHeads().some((head) => running.has(head.lane))) return pump()
    const candidate = laneHeads().find((head) => {
      const at = wakeAt(head, now)
      return at !== undefined && at <= now.now && head.nextAt > now.now
    })
    if (candidate !== undefined) active.set(candidate.id, { ...candidate, nextAt: now.now })
    pump()
  }

  function pump(): void {
    if (!alive) return
    cancelTimer?.()
    cancelTimer = undefined
    const now = clock.now()
    let nextWake = Infinity
    const lanes = new Set<string>()
    const ordered = [...active.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    for (const command of ordered) {
      if (lanes.has(command.lane)) continue
      lanes.add(command.lane)
      if (running.has(command.lane) || paused) continue
      if (command.wait?.reason === 'confirm' && command.confirmedAt === undefined) {
        nextWake = Math.min(nextWake, command.nextAt)
        if (command.nextAt > now) continue
      } else if (command.nextAt > now) {
        nextWake = Math.min(nextWake, command.nextAt)
        continue
      }
      running.add(command.lane)
      inFlight.add(command.id)
      let reached = false
      void step(command)
        .then((answered) => {
          reached = answered
        })
        .catch((error: unknown) => {
          if (!(error instanceof EngineStopped)) options.onError?.(error)
          const retry = { ...command, nextAt: clock.now() + settings.backoffBaseMs }
          if (alive && active.has(command.id)) active.set(command.id, retry)
        })
        .finally(() => {
          running.delete(command.lane)
          inFlight.delete(command.id)
          if (reached) wake()
          pump()
        })
    }
    if (nextWake !== Infinity) cancelTimer = clock.setTimeout(pump, Math.max(0, nextWake - now))
    scheduleProbe()
  }

  /** Confirms, durably, a command whose effect was observed while its lane was idle. */
  function settleObserved(command: OutboxCommand, seen: Observed): void {
    running.add(command.lane)
    inFlight.add(command.id)
    void save(afterObserved(command, seen, ctx()).command)
      .catch((error: unknown) => {
        if (!(error instanceof EngineStopped)) options.onError?.(error)
      })
      .finally(() => {
        running.delete(command.lane)
        inFlight.delete(command.id)
        pump()
      })
  }

  async function update(
    id: string,
    change: (c: OutboxCommand) => OutboxCommand | undefined,
  ): Promise<void> {
    const stored = active.get(id) ?? (await db.commands.where('id').equals(id).first())
    if (stored === undefined) throw new Error(`no outbox command ${id}`)
    const next = change(stored)
    if (next === undefined) return
    await save(next)
    pump()
  }

  return {
    settings,
    async start() {
      if (stopped) throw new Error('a stopped outbox engine cannot be restarted; create a new one')
      alive = true
      paused = (await db.pauses.get(workspaceId)) !== undefined
      const cutoff = clock.now() - settings.pruneAfterMs
      await db.commands
        .where('[workspaceId+state]')
        .anyOf([workspaceId, 'confirmed'], [workspaceId, 'cancelled'])
        .filter((c) => c.updatedAt < cutoff)
        .delete()
      const rows = await db.commands
        .where('[workspaceId+state]')
        .anyOf(ACTIVE_STATES.map((s) => [workspaceId, s]))
        .toArray()
      // A webhook that came while no engine ran (a crash, a reload) is not seen again: commands
      // waiting for one are followed by their request id now instead.
      const now = clock.now()
      for (const row of rows) {
        const waitingForWebhook = row.state === 'sent' && row.wait === undefined
        active.set(row.id, waitingForWebhook ? { ...row, nextAt: Math.min(row.nextAt, now) } : row)
      }
      pump()
    },
    stop() {
      alive = false
      stopped = true
      cancelTimer?.()
      probeTimer?.()
      active.clear()
    },
    observe(seen) {
      if (!alive) return
      for (const command of [...active.values()]) {
        // only a command that may have gone can show its effect; one never sent waits its turn
        if (command.requestId === undefined && !command.maybeSent) continue
        const effect = observedEffect(command, seen)
        if (effect === undefined) continue
        if (running.has(command.lane)) observedMidStep.set(command.id, effect)
        else settleObserved(command, effect)
      }
    },
    wake,
    async enqueue(spec, enqueueOptions) {
      const command = newCommand(spec, workspaceId, clock.now(), options.random)
      const provider = await options.currentProvider?.()
      if (provider !== undefined) command.provider = provider
      if (enqueueOptions?.hold === true) command.nextAt += settings.undoHoldMs
      await db.transaction('rw', db.commands, async () => {
        command.seq = await db.commands.add(command)
      })
      if (alive) {
        active.set(command.id, command)
        pump()
      }
      return command
    },
    retry: (id) =>
      update(id, (c) => {
        const { failure: _f, wait: _w, ...rest } = c
        const now = clock.now()
        return {
          ...rest,
          state: c.state === 'sent' ? 'sent' : 'queued',
          confirmedAt: now,
          nextAt: now,
          attempts: 0,
          updatedAt: now,
        }
      }),
    async confirm(id) {
      // confirming a command held by a move re-addresses it to the provider the workspace has now
      const provider = await options.currentProvider?.()
      // a move re-points held commands on disk (../migration/): the row there is the truth
      const held = active.get(id)
      if (held?.wait?.moved === true) {
        const stored = await db.commands.where('id').equals(id).first()
        if (stored !== undefined)
          active.set(id, { ...held, input: stored.input, lane: stored.lane } as OutboxCommand)
      }
      await update(id, (c) => {
        if (c.wait?.reason !== 'confirm') return undefined
        const { wait: _w, ...rest } = c
        const now = clock.now()
        const state = c.requestId !== undefined ? 'sent' : 'queued'
        const to = c.wait.moved === true && provider !== undefined ? { provider } : {}
        return { ...rest, ...to, state, confirmedAt: now, nextAt: now, updatedAt: now }
      })
    },
    cancel: (id) =>
      update(id, (c) => {
        if (!isActive(c)) return undefined
        if (c.maybeSent || c.requestId !== undefined || inFlight.has(c.id)) {
          throw new Error('this command may already have been sent; it can no longer be cancelled')
        }
        return { ...c, state: 'cancelled', updatedAt: clock.now() }
      }),
    async resume() {
      await db.pauses.delete(workspaceId)
      paused = false
      for (const c of [...active.values()]) {
        if (c.wait?.reason === 'paused') {
          const { wait: _w, ...rest } = c
          await save({
            ...rest,
            state: c.state === 'sent' ? 'sent' : 'queued',
            nextAt: clock.now(),
          })
        }
      }
      pump()
    },
  }
}

class EngineStopped extends Error {
  override readonly name = 'EngineStopped'
}
