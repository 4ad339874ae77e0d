/**
 * `npm run bench -- relay` or `npx tsx bench/relay.bench.ts`. Three processes on loopback: the
 * relay (`relay serve`, as deployed), the load generator (bench/relay-load.ts) and this one,
 * which holds 50 SSE clients and measures webhook-to-client latency from the due time the
 * generator wrote into each payload (CLOCK_MONOTONIC is shared by all processes on a machine).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openTokenStore } from '../src/relay/index.js'
import { fsyncLatency, startDiagnostics, type PhaseDiagnostics } from './relay-diagnostics.js'
import type { LoadConfig, LoadReport } from './relay-load.js'
import { LatencyProbe } from './relay-probe.js'
import { spawnRelay, type RelayChild } from './relay-spawn.js'

const here = dirname(fileURLToPath(import.meta.url))
const CLIENTS = 50
const PHASE_MS = 8_000
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
  readonly ingest: LatencyRow & { readonly ratePerSecond: number; readonly targetMet: boolean }
}

async function phase(
  relay: RelayChild,
  probe: LatencyProbe,
  secret: string,
  tag: string,
  load: Partial<LoadConfig>,
): Promise<LatencyRow> {
  const config: LoadConfig = {
    url: relay.url,
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

export async function runRelayBench(): Promise<BenchResult> {
  const loadAverageAtStart = loads()
  const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-bench-'))
  const fsyncMs = fsyncLatency(join(dir, 'fsync-probe'))
  const secret = 'bench-secret-0123456789abcdef'
  writeFileSync(join(dir, 'secret'), secret)
  const tokens = openTokenStore(join(dir, 'data'))
  const token = tokens.create('bench')
  tokens.close()
  const relay = await spawnRelay([
    '--port',
    '0',
    '--data',
    join(dir, 'data'),
    '--webhook-secret-file',
    join(dir, 'secret'),
    // One token stands in for 50 desktops here; a deployed relay allows 8 streams per token.
    '--max-streams-per-token',
    String(CLIENTS),
  ])
  try {
    const probe = new LatencyProbe()
    await probe.connect(relay.url, token, CLIENTS)
    const latency = []
    for (const [rate, tag] of [
      [100, 'slow'],
      [1000, 'fast'],
    ] as const) {
      const row = await phase(relay, probe, secret, tag, { rate })
      latency.push({ ...row, targetMet: rate === 100 ? row.p99Ms <= TARGET_P99_MS : undefined })
    }
    const ingest = await phase(relay, probe, secret, 'max', { mode: 'closed', concurrency: 64 })
    probe.close()
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
      setup: {
        sseClients: CLIENTS,
        phaseSeconds: PHASE_MS / 1000,
        warmupSecondsPerPhase: WARMUP_MS / 1000,
        transport: 'HTTP/1.1 loopback, keep-alive',
        store: 'SQLite WAL, synchronous=FULL, group commit',
        processes: 'relay, load generator, SSE clients: one each',
        ingestConcurrency: 64,
      },
      latency,
      ingest: { ...ingest, ratePerSecond: ingest.rate, targetMet: ingest.rate >= TARGET_INGEST },
    }
  } finally {
    await relay.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

function printTable(result: BenchResult): void {
  const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-')
  const m = result.machine
  console.log(`relay bench on ${m.cpuCount}x ${m.cpuModel}, node ${m.node}, ${CLIENTS} SSE clients`)
  console.log(
    `load average ${m.loadAverageAtStart.join(' ')} -> ${m.loadAverageAtEnd.join(' ')}; fsync p50/p99/max ${m.fsyncMs.p50}/${m.fsyncMs.p99}/${m.fsyncMs.max} ms`,
  )
  console.log(
    'load            | acked/s | webhook->client p50 / p99 / max ms | 2xx p50 / p99 ms | deliveries (drain ms)  | target',
  )
  const rows = [
    ...result.latency.map((r) => ({ ...r, label: `open ${r.rate}/s` })),
    { ...result.ingest, label: 'closed c=64' },
  ]
  for (const r of rows) {
    const target = r.label.startsWith('closed')
      ? `>=${TARGET_INGEST}/s ${result.ingest.targetMet ? 'met' : 'MISSED'}`
      : r.targetMet === undefined
        ? ''
        : `p99<=${TARGET_P99_MS}ms ${r.targetMet ? 'met' : 'MISSED'}`
    const ackRate = r.load.acked / (r.load.elapsedMs / 1000)
    console.log(
      `${r.label.padEnd(15)} | ${ackRate.toFixed(0).padStart(7)} | ${`${f(r.p50Ms)} / ${f(r.p99Ms)} / ${f(r.maxMs)}`.padEnd(34)} | ${`${f(r.load.ackP50Ms)} / ${f(r.load.ackP99Ms)}`.padEnd(16)} | ${`${r.deliveries}/${r.expectedDeliveries} (${r.drainMs})`.padEnd(22)} | ${target}`,
    )
  }
  console.log(
    'where time went | relay CPU % | commits | commit p99 / max ms | relay loop delay p99 / max ms | probe loop max ms | generator lag max ms',
  )
  for (const r of rows) {
    const d = r.diagnostics
    console.log(
      `${r.label.padEnd(15)} | ${String(d.relayCpuPercent).padStart(11)} | ${String(d.relayCommits).padStart(7)} | ${`${f(d.relayCommitP99Ms)} / ${f(d.relayCommitMaxMs)}`.padEnd(19)} | ${`${f(d.relayLoopDelayP99Ms)} / ${f(d.relayLoopDelayMaxMs)}`.padEnd(29)} | ${f(d.probeLoopDelayMaxMs).padStart(17)} | ${f(r.load.maxScheduleLagMs)}`,
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
