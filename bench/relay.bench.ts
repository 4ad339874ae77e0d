/**
 * `npm run bench -- relay [--short]` or `npx tsx bench/relay.bench.ts [--short]`. Processes on
 * loopback: the relay (`relay serve`, as deployed), the load generator (bench/relay-load.ts) and
 * this one, which holds 50 SSE clients and measures webhook-to-client latency from the due time
 * the generator wrote into each payload (CLOCK_MONOTONIC is shared by all processes on a
 * machine). Two setups side by side: SQLite (one instance) and two instances on one Redis.
 * `--short` runs 3 s phases, for a machine too loaded to give the full run meaning.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fsyncLatency, startDiagnostics, type PhaseDiagnostics } from './relay-diagnostics.js'
import type { LoadConfig, LoadReport } from './relay-load.js'
import { LatencyProbe } from './relay-probe.js'
import type { RelayChild } from './relay-spawn.js'
import { startRedisSetup, startSqliteSetup, type BenchSetup } from './relay-setups.js'

const here = dirname(fileURLToPath(import.meta.url))
const CLIENTS = 50
const SHORT = process.argv.includes('--short')
const PHASE_MS = SHORT ? 3_000 : 8_000
const WARMUP_MS = 1_000
const TARGET_P99_MS = 25
const TARGET_INGEST = 2_000

export interface LatencyRow {
  readonly rate: number
  readonly load: LoadReport
  /** One sample per (event, client): with 50 clients, 50 per acknowledged webhook. */
  readonly deliveries: number
  readonly expectedDeliveries: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly targetMet: boolean | undefined
  /** After the load stopped, how long until every client had every event. */
  readonly drainMs: number
  readonly diagnostics: PhaseDiagnostics
}

export interface BenchResult {
  readonly name: 'relay'
  readonly date: string
  readonly machine: {
    cpuModel: string
    cpuCount: number
    memoryGiB: number
    node: string
    os: string
    loadAverageAtStart: number[]
    loadAverageAtEnd: number[]
    /** fdatasync of a 1 KiB append in the temp folder, sampled before the run: the floor under every durable 2xx. */
    fsyncMs: { p50: number; p99: number; max: number }
  }
  readonly setup: Record<string, string | number>
  readonly latency: LatencyRow[]
  readonly ingest: IngestRow
  /** The same phases against two relay instances sharing one Redis. */
  readonly redis: SetupResult
}

type IngestRow = LatencyRow & { readonly ratePerSecond: number; readonly targetMet: boolean }

export interface SetupResult {
  readonly setup: Record<string, string | number>
  readonly latency: LatencyRow[]
  readonly ingest: IngestRow
}

async function phase(
  relays: readonly RelayChild[],
  probe: LatencyProbe,
  secret: string,
  tag: string,
  load: Partial<LoadConfig>,
): Promise<LatencyRow> {
  // Diagnostics (CPU, commit time, loop delay) come from the first instance.
  const relay = relays[0]
  if (relay === undefined) throw new Error('no relay to measure')
  const config: LoadConfig = {
    url: relay.url,
    urls: relays.map((r) => r.url),
    secret,
    mode: 'open',
    rate: 0,
    concurrency: 0,
    durationMs: PHASE_MS,
    warmupMs: WARMUP_MS,
    tag,
    ...load,
  }
  const diagnostics = await startDiagnostics(relay.url, relay.child.pid)
  const report = await runLoadProcess(config)
  const expected = report.acked * CLIENTS
  const drainStart = Date.now()
  while (probe.count(tag) < expected && Date.now() - drainStart < 30_000)
    await new Promise((r) => setTimeout(r, 20))
  const drainMs = Date.now() - drainStart
  const samples = probe.take(tag)
  probe.take('warmup')
  const pct = (p: number): number =>
    samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ?? NaN
  const rate =
    config.mode === 'open' ? config.rate : Math.round(report.acked / (report.elapsedMs / 1000))
  return {
    rate,
    load: report,
    deliveries: probe.count(tag),
    expectedDeliveries: expected,
    p50Ms: pct(50),
    p99Ms: pct(99),
    maxMs: samples[samples.length - 1] ?? NaN,
    targetMet: undefined,
    drainMs,
    diagnostics: await diagnostics.finish(),
  }
}

function runLoadProcess(config: LoadConfig): Promise<LoadReport> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'relay-load.ts'), JSON.stringify(config)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((done, fail) => {
    child.on('close', (code) =>
      code === 0
        ? done(JSON.parse(out) as LoadReport)
        : fail(new Error(`load generator exited ${code}`)),
    )
  })
}

const loads = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100)

async function measure(setup: BenchSetup, secret: string): Promise<SetupResult> {
  const probe = new LatencyProbe()
  const perRelay = Math.ceil(CLIENTS / setup.relays.length)
  for (const [i, relay] of setup.relays.entries())
    await probe.connect(relay.url, setup.token, Math.min(perRelay, CLIENTS - i * perRelay))
  const latency = []
  for (const [rate, tag] of [
    [100, `${setup.name}-slow`],
    [1000, `${setup.name}-fast`],
  ] as const) {
    const row = await phase(setup.relays, probe, secret, tag, { rate })
    latency.push({ ...row, targetMet: rate === 100 ? row.p99Ms <= TARGET_P99_MS : undefined })
  }
  const ingest = await phase(setup.relays, probe, secret, `${setup.name}-max`, {
    mode: 'closed',
    concurrency: 64,
  })
  probe.close()
  return {
    setup: {
      sseClients: CLIENTS,
      phaseSeconds: PHASE_MS / 1000,
      warmupSecondsPerPhase: WARMUP_MS / 1000,
      transport: 'HTTP/1.1 loopback, keep-alive',
      ingestConcurrency: 64,
      ...setup.describe,
    },
    latency,
    ingest: { ...ingest, ratePerSecond: ingest.rate, targetMet: ingest.rate >= TARGET_INGEST },
  }
}

async function runSetup(
  start: (dir: string, clients: number) => Promise<BenchSetup>,
  dir: string,
  secret: string,
): Promise<SetupResult> {
  const setup = await start(dir, CLIENTS)
  try {
    return await measure(setup, secret)
  } finally {
    await setup.stop()
  }
}

export async function runRelayBench(): Promise<BenchResult> {
  const loadAverageAtStart = loads()
  const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-bench-'))
  const fsyncMs = fsyncLatency(join(dir, 'fsync-probe'))
  const secret = 'bench-secret-0123456789abcdef'
  writeFileSync(join(dir, 'secret'), secret)
  try {
    const sqlite = await runSetup(startSqliteSetup, dir, secret)
    const redis = await runSetup(startRedisSetup, dir, secret)
    const cpu = cpus()
    return {
      name: 'relay',
      date: new Date().toISOString(),
      machine: {
        cpuModel: cpu[0]?.model ?? 'unknown',
        cpuCount: cpu.length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        os: `${platform()} ${release()}`,
        loadAverageAtStart,
        loadAverageAtEnd: loads(),
        fsyncMs,
      },
      ...sqlite,
      redis,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const LABEL = 24

function setupRows(label: string, r: SetupResult): (LatencyRow & { label: string })[] {
  return [
    ...r.latency.map((row) => ({ ...row, label: `${label} open ${row.rate}/s` })),
    { ...r.ingest, label: `${label} closed c=64` },
  ]
}

function printTable(result: BenchResult): void {
  const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-')
  const m = result.machine
  console.log(`relay bench on ${m.cpuCount}x ${m.cpuModel}, node ${m.node}, ${CLIENTS} SSE clients`)
  console.log(
    `load average ${m.loadAverageAtStart.join(' ')} -> ${m.loadAverageAtEnd.join(' ')}; fsync p50/p99/max ${m.fsyncMs.p50}/${m.fsyncMs.p99}/${m.fsyncMs.max} ms`,
  )
  console.log(
    `${'setup, load'.padEnd(LABEL)} | acked/s | webhook->client p50 / p99 / max ms | 2xx p50 / p99 ms | deliveries (drain ms)  | target`,
  )
  const rows = [...setupRows('sqlite', result), ...setupRows('redis x2', result.redis)]
  for (const r of rows) {
    const target = r.label.endsWith('closed c=64')
      ? `>=${TARGET_INGEST}/s ${r.rate >= TARGET_INGEST ? 'met' : 'MISSED'}`
      : r.targetMet === undefined
        ? ''
        : `p99<=${TARGET_P99_MS}ms ${r.targetMet ? 'met' : 'MISSED'}`
    const ackRate = r.load.acked / (r.load.elapsedMs / 1000)
    console.log(
      `${r.label.padEnd(LABEL)} | ${ackRate.toFixed(0).padStart(7)} | ${`${f(r.p50Ms)} / ${f(r.p99Ms)} / ${f(r.maxMs)}`.padEnd(34)} | ${`${f(r.load.ackP50Ms)} / ${f(r.load.ackP99Ms)}`.padEnd(16)} | ${`${r.deliveries}/${r.expectedDeliveries} (${r.drainMs})`.padEnd(22)} | ${target}`,
    )
  }
  console.log(
    `${'where time went'.padEnd(LABEL)} | relay CPU % | commits | commit p99 / max ms | relay loop delay p99 / max ms | probe loop max ms | generator lag max ms`,
  )
  for (const r of rows) {
    const d = r.diagnostics
    console.log(
      `${r.label.padEnd(LABEL)} | ${String(d.relayCpuPercent).padStart(11)} | ${String(d.relayCommits).padStart(7)} | ${`${f(d.relayCommitP99Ms)} / ${f(d.relayCommitMaxMs)}`.padEnd(19)} | ${`${f(d.relayLoopDelayP99Ms)} / ${f(d.relayLoopDelayMaxMs)}`.padEnd(29)} | ${f(d.probeLoopDelayMaxMs).padStart(17)} | ${f(r.load.maxScheduleLagMs)}`,
    )
  }
}

export async function main(): Promise<BenchResult> {
  const result = await runRelayBench()
  printTable(result)
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(join(here, 'results', 'relay.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log('wrote bench/results/relay.json')
  return result
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
