/**
 * Outbox benchmark: drain 1,000 queued notes (100 alerts x 10) against a simulator whose alert
 * domain allows 20 requests/s, through the real gateway with the governor's budget read from the
 * simulator's `/v2/request-limits`: once following each request id (no relay), once with the
 * relay live so each note's own webhook confirms it (the app's live intake into a cache, issue 12
 * item 2); then the same load through a naive replay that retries every 1 s on 429. Prints a
 * table and writes bench/results/outbox.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { budgetsFromRequestLimits } from '../src/main/gateway/governor'
import { createOpsgenieClient } from '../src/main/gateway/provider/opsgenie'
import { rateDomainOf } from '../src/shared/opsgenie/rate-domains'
import { createOutboxEngine } from '../src/renderer/src/outbox/engine'
import type { OutboxPort } from '../src/renderer/src/outbox/port'
import { startSimulator, type RunningSimulator } from '../src/simulator/index'
import {
  API_KEY,
  connectRig,
  freshDb,
  startLiveIntake,
  startTestRelay,
  type TestRelay,
} from '../test/renderer/outbox/support'
import { until } from './until'
import { naiveReplay } from './outbox-naive'

const here = dirname(fileURLToPath(import.meta.url))
const ALERTS = 100
const NOTES_PER_ALERT = 10
const COMMANDS = ALERTS * NOTES_PER_ALERT
const PER_SECOND = 20

interface Traffic {
  alertRequests: number
  throttled: number
}

/** A simulator with 100 open alerts whose alert domain then allows 20 requests/s. */
async function prepare(
  webhook?: TestRelay['webhook'],
): Promise<{ sim: RunningSimulator; alertIds: string[]; traffic: Traffic }> {
  const traffic: Traffic = { alertRequests: 0, throttled: 0 }
  let counting = false
  const sim = await startSimulator({
    keys: [{ key: API_KEY, kind: 'global' }],
    seed: 'empty',
    processingDelayMs: 0,
    ...(webhook !== undefined ? { webhook } : {}),
    rateLimits: { alert: { perSecond: 10_000, perMinute: 600_000 } },
    onExchange: (x) => {
      if (!counting || rateDomainOf(x.method, x.path) !== 'alert') return
      traffic.alertRequests++
      if (x.status === 429) traffic.throttled++
    },
  })
  const client = createOpsgenieClient({ host: sim.url, apiKey: API_KEY })
  for (let i = 0; i < ALERTS; i++)
    await client.alerts.create({ message: `bench ${i}`, alias: `b-${i}` })
  await until('seeded alerts', () => sim.state.alerts.size === ALERTS, 30_000)
  sim.setRateLimits({ alert: { perSecond: PER_SECOND, perMinute: PER_SECOND * 60 } })
  await new Promise((r) => setTimeout(r, 1_100))
  counting = true
  return { sim, alertIds: [...sim.state.alerts.values()].map((a) => a.id), traffic }
}

/** Counts sends of the same request made before the time a 429 told it to wait for. */
function watchEarlyRetries(port: OutboxPort): { port: OutboxPort; early: () => number } {
  const notBefore = new Map<string, number>()
  let early = 0
  const watch =
    <A extends object>(
      key: (a: A) => string,
      call: (a: A) => ReturnType<OutboxPort['alerts']['addNote']>,
    ) =>
    async (a: A) => {
      const k = key(a)
      if (Date.now() < (notBefore.get(k) ?? 0)) early++
      const answer = await call(a)
      if (answer.ok && answer.value.status === 'throttled') notBefore.set(k, answer.value.retryAt)
      return answer
    }
  return {
    port: {
      ...port,
      alerts: { ...port.alerts, addNote: watch((a) => a.note, port.alerts.addNote) },
      requests: { status: watch((a) => a.requestId, port.requests.status) },
    },
    early: () => early,
  }
}

async function outboxRun(relayed: boolean): Promise<Record<string, number>> {
  const relay = relayed ? await startTestRelay() : undefined
  const { sim, alertIds, traffic } = await prepare(relay?.webhook)
  const limits = await fetch(`${sim.url}/v2/request-limits`, {
    headers: { Authorization: `GenieKey ${API_KEY}` },
  })
  const budgets = budgetsFromRequestLimits(await limits.json())
  const rig = await connectRig(sim, budgets, relay !== undefined ? { relay: relay.device } : {})
  const intake = relay !== undefined ? await startLiveIntake(rig) : undefined
  const db = await freshDb()
  const watched = watchEarlyRetries(rig.port)
  // the app's observation window; the relay's health decides whether it applies, as in the app
  const engine = createOutboxEngine({
    db,
    port: watched.port,
    workspaceId: rig.workspaceId,
    settings: { followIntervalMs: 50, reconcileAfterMs: 1_000 },
    observing: () => relayed,
  })
  intake?.watch((seen) => engine.observe(seen))
  for (let n = 0; n < NOTES_PER_ALERT; n++) {
    for (const alertId of alertIds) {
      await engine.enqueue({ kind: 'alerts:addNote', input: { alertId, note: `bench note ${n}` } })
    }
  }
  const start = Date.now()
  await engine.start()
  await until(
    'outbox drained',
    async () => (await db.commands.where('state').equals('confirmed').count()) === COMMANDS,
    600_000,
    100,
  )
  const drainMs = Date.now() - start
  const followed = (await db.commands.toArray()).length
  engine.stop()
  await intake?.close()
  await rig.close()
  await relay?.relay.close()
  db.close()
  return {
    drainMs,
    commands: followed,
    ...traffic,
    earlyRetries: watched.early(),
    budgetPerSecond: budgets.alert?.perSecond ?? 0,
  }
}

async function naiveRun(): Promise<Record<string, number>> {
  const { sim, alertIds, traffic } = await prepare()
  const lanes = alertIds.map((alertId) => ({
    alertId,
    notes: Array.from({ length: NOTES_PER_ALERT }, (_, n) => `naive note ${n}`),
  }))
  const result = await naiveReplay(sim.url, API_KEY, lanes)
  await sim.close()
  return { ...result, ...traffic }
}

function summary(name: string, r: Record<string, number>): Record<string, string | number> {
  const minimumMs = (COMMANDS / PER_SECOND) * 1000
  const requestMinimumMs = (((r['alertRequests'] ?? 0) - (r['throttled'] ?? 0)) / PER_SECOND) * 1000
  return {
    replay: name,
    'drain s': round((r['drainMs'] ?? 0) / 1000),
    'drain / 50 s': round((r['drainMs'] ?? 0) / minimumMs),
    'drain / request minimum': round((r['drainMs'] ?? 0) / requestMinimumMs),
    'alert requests': r['alertRequests'] ?? 0,
    'requests per command': round((r['alertRequests'] ?? 0) / COMMANDS),
    '429 share %': round((100 * (r['throttled'] ?? 0)) / Math.max(1, r['alertRequests'] ?? 0)),
    'retries before period': r['earlyRetries'] ?? 0,
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000

export async function main(): Promise<void> {
  const load = loadavg()[0] ?? 0
  const outbox = summary('outbox, request ids followed (no relay)', await outboxRun(false))
  const observed = summary('outbox, relay live (confirmed by observation)', await outboxRun(true))
  const naive = summary('naive (retry 1 s on 429)', await naiveRun())
  console.table([outbox, observed, naive])
  const cpu = cpus()
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model ?? 'unknown',
      cpuCount: cpu.length,
      memoryBytes: totalmem(),
      node: process.version,
      loadAverageAtStart: Math.round(load * 100) / 100,
    },
    workload: {
      commands: COMMANDS,
      alerts: ALERTS,
      alertDomainPerSecond: PER_SECOND,
      minimumSeconds: COMMANDS / PER_SECOND,
    },
    targets: { drainRatio: 1.1, throttledSharePercent: 1, retriesBeforePeriod: 0 },
    notes:
      "Without a relay each note is two alert-domain requests (the action and its request-status follow-up), so the request minimum is about twice the 50 s the issue names. With the relay live, the note's own webhook confirms it and the follow-up is not sent. The governor keeps a 10 % safety margin (18/s of 20/s), so one request per command cannot drain faster than 1.11 x the 50 s.",
    outbox,
    observed,
    naive,
  }
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results', 'outbox.json'), `${JSON.stringify(result, null, 2)}\n`)
}
