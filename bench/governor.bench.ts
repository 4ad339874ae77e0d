/**
 * Governor benchmark: what admission costs in CPU, and how long a responder's action waits while
 * a bulk import saturates the same domain (simulated time, so the numbers are exact and
 * repeatable). Writes bench/results/governor.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGovernor, DEFAULT_TUNING } from '../src/main/gateway/governor'
import { FakeClock, seededRandom } from '../test/main/gateway/governor/fake-clock'

const here = dirname(fileURLToPath(import.meta.url))

async function admissionCost(count: number): Promise<{ count: number; usPerAcquire: number }> {
  const governor = createGovernor({
    budgets: { alert: { perSecond: 1_000_000_000, perMinute: 1_000_000_000 } },
  })
  const start = performance.now()
  for (let i = 0; i < count; i++) await governor.acquire('alert', 'user')
  const usPerAcquire = ((performance.now() - start) * 1000) / count
  governor.dispose()
  return { count, usPerAcquire: round(usPerAcquire) }
}

async function deepQueue(count: number): Promise<{ count: number; usPerAdmission: number }> {
  const clock = new FakeClock(0)
  const governor = createGovernor({
    clock,
    budgets: { search: { perSecond: 1000, perMinute: 60_000 } },
  })
  governor.subscribe(() => undefined) // a listener, as the IPC bridge will have
  let done = 0
  for (let i = 0; i < count; i++) void governor.acquire('search', 'import').then(() => done++)
  const start = performance.now()
  await clock.runUntilIdle()
  const elapsed = performance.now() - start
  if (done !== count) throw new Error(`deep queue: ${done} of ${count} admitted`)
  return { count, usPerAdmission: round((elapsed * 1000) / count) }
}

/** User actions arriving every ~7 s while 400 imports wait on the default search budget. */
async function userLatencyDuringImport(reserve: boolean): Promise<Record<string, number>> {
  const clock = new FakeClock(0)
  const tuning = reserve ? {} : { reserve: { user: 0, replay: 0, sync: 0, import: 0 } }
  const governor = createGovernor({ clock, tuning })
  const rnd = seededRandom(7)
  let importsDoneAt = 0
  const imports = Array.from({ length: 400 }, () =>
    governor.acquire('search', 'import').then(() => (importsDoneAt = clock.now())),
  )
  const latencies: number[] = []
  let t = 0
  for (let i = 0; i < 60; i++) {
    t += -Math.log(1 - rnd()) * 7000
    clock.setTimeout(() => {
      const asked = clock.now()
      void governor.acquire('search', 'user').then(() => latencies.push(clock.now() - asked))
    }, t)
  }
  await clock.runUntilIdle()
  await Promise.all(imports)
  latencies.sort((a, b) => a - b)
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return {
    userP50Ms: round(at(0.5)),
    userP95Ms: round(at(0.95)),
    userMaxMs: round(latencies.at(-1) ?? 0),
    importsDoneS: round(importsDoneAt / 1000),
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export async function main(): Promise<void> {
  const results = {
    admission: await admissionCost(100_000),
    deepQueue: await deepQueue(20_000),
    userLatencyWithReserve: await userLatencyDuringImport(true),
    userLatencyWithoutReserve: await userLatencyDuringImport(false),
    reserve: DEFAULT_TUNING.reserve,
  }
  console.table({
    'acquire, token free (us)': results.admission.usPerAcquire,
    'admission from a 20k queue (us)': results.deepQueue.usPerAdmission,
  })
  console.table({
    'with reserve': results.userLatencyWithReserve,
    'without reserve': results.userLatencyWithoutReserve,
  })
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results', 'governor.json'), JSON.stringify(results, null, 2) + '\n')
}
