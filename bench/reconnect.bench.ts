/**
 * Reconnect benchmark (issue 12, item 1): how soon after the network returns are actions queued
 * offline sent, confirmed and visible. The gateway reaches the simulator and the relay through
 * proxies whose network is cut and restored together, as a responder's Wi-Fi would be. Each try:
 * two open alerts, the network cut, an acknowledgement of each queued and failing for the
 * network, an outage of 2-4 s, the network back. Measured from the moment it is back: the outbox
 * empty (both confirmed) and both acknowledgements visible in the cache the view reads, as
 * applied from the relay's webhooks. The engine runs with the app's defaults and the app's intake
 * watch (relay health, signs of life); "signs of life off" repeats a few tries with the probe and
 * the outside wake-ups off and confirmation by request id, to show what the backoff alone gives.
 * Prints a table and writes bench/results/reconnect.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createOutboxEngine, type OutboxEngine } from '../src/renderer/src/outbox/engine'
import { watchIntake } from '../src/renderer/src/outbox/intake-watch'
import { isActive } from '../src/renderer/src/outbox/record'
import type { OutboxSettingsInput } from '../src/renderer/src/outbox/settings'
import { startSimulator } from '../src/simulator/index'
import { startNetworkCut } from '../test/support/network-cut'
import {
  API_KEY,
  connectRig,
  freshDb,
  startLiveIntake,
  startTestRelay,
} from '../test/renderer/outbox/support'
import { until } from './until'

const here = dirname(fileURLToPath(import.meta.url))
const TRIES = 20
const TRIES_WITHOUT = 5
const BUDGET = {
  alert: { perSecond: 30, perMinute: 1800 },
  incident: { perSecond: 30, perMinute: 1800 },
}

interface Try {
  emptyMs: number
  visibleMs: number
  outageMs: number
}

async function run(tries: number, signsOfLife: boolean): Promise<Try[]> {
  const relay = await startTestRelay()
  // Opsgenie takes a moment to process an action before its webhook goes out
  const sim = await startSimulator({
    keys: [{ key: API_KEY, kind: 'global' }],
    seed: 'empty',
    processingDelayMs: 100,
    webhook: relay.webhook,
  })
  const apiNet = await startNetworkCut(sim.url)
  const relayNet = await startNetworkCut(relay.device.url)
  const rig = await connectRig(sim, BUDGET, {
    host: apiNet.url,
    relay: { url: relayNet.url, token: relay.device.token },
  })
  const intake = await startLiveIntake(rig)
  const db = await freshDb()
  const made: { engine?: OutboxEngine } = {}
  const watch = signsOfLife ? watchIntake(rig.api, rig.workspaceId, () => made.engine) : undefined
  // the app's defaults; without signs of life, a probe too rare to matter
  const settings: OutboxSettingsInput = signsOfLife ? {} : { probeIntervalMs: 3_600_000 }
  const engine = createOutboxEngine({
    db,
    port: rig.port,
    workspaceId: rig.workspaceId,
    settings,
    ...(watch !== undefined ? { observing: watch.observing } : {}),
  })
  made.engine = engine
  if (signsOfLife) intake.watch((seen) => engine.observe(seen))
  await engine.start()
  const results: Try[] = []
  try {
    for (let i = 0; i < tries; i++) {
      const aliases = [`r${i}-disk`, `r${i}-cpu`]
      for (const alias of aliases)
        await rig.api.alerts.create({ workspaceId: rig.workspaceId, message: alias, alias })
      const cached = async (): Promise<{ id: string; acknowledged: boolean }[]> =>
        (await intake.cache.alerts.toArray()).filter((a) => aliases.includes(a.alias ?? ''))
      await until('both alerts cached', async () => (await cached()).length === 2, 30_000)
      const ids = (await cached()).map((a) => a.id)

      await apiNet.cut()
      await relayNet.cut()
      const cutAt = Date.now()
      for (const alertId of ids)
        await engine.enqueue({ kind: 'alerts:acknowledge', input: { alertId } })
      await until(
        'both wait for the network',
        async () =>
          (await db.commands.toArray()).filter((c) => isActive(c) && c.wait?.reason === 'offline')
            .length === 2,
        30_000,
      )
      const outage = 2_000 + Math.random() * 2_000
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + outage - Date.now())))
      await apiNet.restore()
      await relayNet.restore()
      const back = Date.now()
      let emptyMs = -1
      let visibleMs = -1
      await until(
        'sent, confirmed and visible',
        async () => {
          if (emptyMs < 0 && (await db.commands.toArray()).every((c) => !isActive(c)))
            emptyMs = Date.now() - back
          if (visibleMs < 0 && (await cached()).every((a) => a.acknowledged))
            visibleMs = Date.now() - back
          return emptyMs >= 0 && visibleMs >= 0
        },
        180_000,
        5,
      )
      results.push({ emptyMs, visibleMs, outageMs: Math.round(Date.now() - cutAt - emptyMs) })
      console.log(
        `try ${i + 1}/${tries}${signsOfLife ? '' : ' (signs of life off)'}: outbox empty ${emptyMs} ms, visible ${visibleMs} ms after the network returned`,
      )
    }
  } finally {
    watch?.stop()
    engine.stop()
    await intake.close()
    await rig.close()
    await relay.relay.close()
    await apiNet.close()
    await relayNet.close()
    db.close()
  }
  return results
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

function row(name: string, tries: Try[]): Record<string, string | number> {
  const empty = tries.map((t) => t.emptyMs)
  const visible = tries.map((t) => t.visibleMs)
  return {
    run: name,
    tries: tries.length,
    'outbox empty p50 ms': percentile(empty, 50),
    'outbox empty p95 ms': percentile(empty, 95),
    'visible p50 ms': percentile(visible, 50),
    'visible p95 ms': percentile(visible, 95),
  }
}

export async function main(): Promise<void> {
  const load = loadavg()[0] ?? 0
  const withLife = await run(TRIES, true)
  const without = await run(TRIES_WITHOUT, false)
  const rows = [row('signs of life (app defaults)', withLife), row('signs of life off', without)]
  console.table(rows)
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
      tries: TRIES,
      actionsPerTry: 2,
      outageMs: '2,000-4,000 (random)',
      simulatorProcessingDelayMs: 100,
    },
    targets: { outboxEmptyP95Ms: 2_000 },
    rows,
    tries: { signsOfLife: withLife, signsOfLifeOff: without },
  }
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results', 'reconnect.json'), `${JSON.stringify(result, null, 2)}\n`)
}
