import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Where a phase's time went, so a missed target can be attributed rather than guessed at. */
export interface PhaseDiagnostics {
  /** Relay CPU use over the phase, % of one core (Linux /proc; NaN elsewhere). */
  readonly relayCpuPercent: number
  /** From the relay's /metrics: store commit (fsync) time and its event-loop delay. */
  readonly relayCommitP99Ms: number
  readonly relayCommitMaxMs: number
  readonly relayLoopDelayP99Ms: number
  readonly relayLoopDelayMaxMs: number
  /** Transactions committed in the phase: acked webhooks / commits = mean group-commit batch. */
  readonly relayCommits: number
  /** Event-loop delay of the process holding the 50 SSE clients (it timestamps arrivals). */
  readonly probeLoopDelayMaxMs: number
}

const COMMITS = 'ondeck_relay_commit_seconds_count'

export interface DiagnosticsRun {
  finish(): Promise<PhaseDiagnostics>
}

export async function startDiagnostics(
  relayUrl: string,
  relayPid: number | undefined,
): Promise<DiagnosticsRun> {
  const before = await scrape(relayUrl) // the relay's latency windows reset on every scrape
  const cpuStart = cpuSeconds(relayPid)
  const started = performance.now()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  return {
    async finish() {
      loop.disable()
      const wallSeconds = (performance.now() - started) / 1000
      const metrics = await scrape(relayUrl)
      const ms = (series: string): number => Math.round((metrics.get(series) ?? NaN) * 1e5) / 100
      return {
        relayCpuPercent: Math.round(((cpuSeconds(relayPid) - cpuStart) / wallSeconds) * 100),
        relayCommitP99Ms: ms('ondeck_relay_commit_seconds{quantile="0.99"}'),
        relayCommitMaxMs: ms('ondeck_relay_commit_seconds{quantile="1"}'),
        relayLoopDelayP99Ms: ms('ondeck_relay_event_loop_delay_seconds{quantile="0.99"}'),
        relayLoopDelayMaxMs: ms('ondeck_relay_event_loop_delay_seconds{quantile="1"}'),
        relayCommits: (metrics.get(COMMITS) ?? NaN) - (before.get(COMMITS) ?? NaN),
        probeLoopDelayMaxMs: Math.round(Math.max(0, loop.max - 10e6) / 1e4) / 100, // minus the 10 ms timer period
      }
    },
  }
}

async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const values = new Map<string, number>()
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ')
    if (!line.startsWith('#') && space > 0)
      values.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return values
}

/** utime + stime of a process, in seconds (clock ticks are 100 Hz on Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/** Samples the disk's fsync latency, since every durable 2xx waits for one. */
export function fsyncLatency(file: string): { p50: number; p99: number; max: number } {
  const fd = openSync(file, 'w')
  const samples: number[] = []
  const block = Buffer.alloc(1024, 1)
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    writeSync(fd, block)
    fdatasyncSync(fd)
    samples.push(performance.now() - start)
  }
  closeSync(fd)
  samples.sort((a, b) => a - b)
  const round = (n: number | undefined): number => Math.round((n ?? NaN) * 100) / 100
  return { p50: round(samples[100]), p99: round(samples[198]), max: round(samples[199]) }
}
