/**
 * `npm run bench -- decode`: what moved out of the renderer's ingest with domain events at the IPC
 * boundary. Main decodes every relay frame through the provider (`decodeRelayFrame`), and the
 * renderer checks every event it receives against the contract's schema (`ipc/checked-events.ts`)
 * before ingest sees it; the cache benchmark times ingest from already-decoded events, so these
 * two costs are measured here. Writes bench/results/decode.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeRelayFrame } from '../src/main/gateway/provider/opsgenie/events'
import { events } from '../src/shared/ipc/contract'
import { createRelayFrames } from './cache/events'

const here = dirname(fileURLToPath(import.meta.url))
const SIZES = [10_000, 100_000] as const
const RUNS = 3

interface Row {
  readonly events: number
  readonly decodeMs: number
  readonly decodeUsPerEvent: number
  readonly checkMs: number
  readonly checkUsPerEvent: number
}

function timeOnce(count: number): Row {
  const frames = createRelayFrames(count)
  const started = performance.now()
  const decoded = frames.map((f) => ({
    workspaceId: 'bench',
    cursor: `relay:${f.n}`,
    source: 'relay' as const,
    receivedAt: f.receivedAt,
    payload: decodeRelayFrame(f.data, f.receivedAt),
  }))
  const decodeMs = performance.now() - started
  const problems = decoded.filter((e) => e.payload.kind === 'problem').length
  if (problems > 0)
    throw new Error(`${problems} frames did not decode: the bench would time errors`)
  // What crosses IPC is JSON; the renderer parses each event with the contract's schema.
  const wire = decoded.map((e) => JSON.parse(JSON.stringify(e)) as unknown)
  const schema = events['intake:event'].payload
  const checkStarted = performance.now()
  for (const e of wire) schema.parse(e)
  const checkMs = performance.now() - checkStarted
  const round = (n: number): number => Math.round(n * 100) / 100
  return {
    events: count,
    decodeMs: round(decodeMs),
    decodeUsPerEvent: round((decodeMs * 1000) / count),
    checkMs: round(checkMs),
    checkUsPerEvent: round((checkMs * 1000) / count),
  }
}

export async function main(): Promise<void> {
  const loadAtStart = loadavg()
  timeOnce(2_000) // warm-up: JIT, zod's first parse
  const rows: Row[] = []
  for (const size of SIZES) {
    const runs = Array.from({ length: RUNS }, () => timeOnce(size))
    rows.push([...runs].sort((a, b) => a.decodeMs - b.decodeMs)[Math.floor(RUNS / 2)] as Row)
  }
  console.table(rows)
  const machine = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverageAtStart: loadAtStart.map((n) => Math.round(n * 100) / 100),
    loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
  }
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(
    join(here, 'results', 'decode.json'),
    `${JSON.stringify({ machine, runsPerSize: RUNS, median: rows }, null, 2)}\n`,
  )
  console.log('wrote bench/results/decode.json')
}
