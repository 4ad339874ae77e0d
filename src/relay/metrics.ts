import {
  createHistogram,
  monitorEventLoopDelay,
  type IntervalHistogram,
  type RecordableHistogram,
} from 'node:perf_hooks'

const LOOP_RESOLUTION_MS = 10

export type RejectReason =
  | 'unauthorized'
  | 'unsupported_media_type'
  | 'not_json'
  | 'too_large'
  | 'invalid_payload'
  | 'future_timestamp'
  | 'method_not_allowed'
  | 'store_failed'

/**
 * Counters the relay keeps in memory; they restart at zero with the process, as Prometheus
 * expects. The two latency summaries (commit time, event-loop delay) report quantiles over the
 * window since the previous scrape: they say where a slow webhook-to-desktop time came from.
 */
export class RelayMetrics {
  received = 0
  repeats = 0
  delivered = 0
  connectedClients = 0
  commits = 0
  readonly rejected = new Map<RejectReason, number>()
  readonly refusedStreams = new Map<'per_token' | 'total', number>()
  private readonly commitNanos: RecordableHistogram = createHistogram()
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })

  constructor() {
    this.loopDelay.enable()
  }

  recordCommit(nanos: number): void {
    this.commits++
    this.commitNanos.record(Math.max(1, Math.round(nanos)))
  }

  close(): void {
    this.loopDelay.disable()
  }

  reject(reason: RejectReason): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1)
  }

  refuseStream(reason: 'per_token' | 'total'): void {
    this.refusedStreams.set(reason, (this.refusedStreams.get(reason) ?? 0) + 1)
  }

  /** Prometheus text exposition format 0.0.4. */
  render(oldestReceivedAt: number | undefined, storeBytes: number, now: number): string {
    const lines: string[] = []
    const metric = (name: string, type: string, help: string, samples: readonly string[]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples)
    }
    metric('ondeck_relay_events_received_total', 'counter', 'Webhooks stored and answered 2xx.', [
      `ondeck_relay_events_received_total ${this.received}`,
    ])
    metric(
      'ondeck_relay_events_repeat_total',
      'counter',
      'Stored webhooks that repeat an earlier dedup key.',
      [`ondeck_relay_events_repeat_total ${this.repeats}`],
    )
    metric(
      'ondeck_relay_webhooks_rejected_total',
      'counter',
      'Webhooks refused, by reason.',
      [...this.rejected].map(
        ([reason, n]) => `ondeck_relay_webhooks_rejected_total{reason="${reason}"} ${n}`,
      ),
    )
    metric(
      'ondeck_relay_events_delivered_total',
      'counter',
      'Events written to SSE clients (one per client).',
      [`ondeck_relay_events_delivered_total ${this.delivered}`],
    )
    metric('ondeck_relay_sse_clients', 'gauge', 'SSE clients connected now.', [
      `ondeck_relay_sse_clients ${this.connectedClients}`,
    ])
    metric(
      'ondeck_relay_streams_refused_total',
      'counter',
      'SSE streams refused at the per-token or the total cap.',
      [...this.refusedStreams].map(
        ([reason, n]) => `ondeck_relay_streams_refused_total{reason="${reason}"} ${n}`,
      ),
    )
    metric(
      'ondeck_relay_commit_seconds',
      'summary',
      'Store commit time per batch (fsync included), quantiles since the previous scrape.',
      [
        ...windowQuantiles('ondeck_relay_commit_seconds', this.commitNanos),
        `ondeck_relay_commit_seconds_count ${this.commits}`,
      ],
    )
    metric(
      'ondeck_relay_event_loop_delay_seconds',
      'summary',
      'Event-loop delay, quantiles since the previous scrape.',
      windowQuantiles(
        'ondeck_relay_event_loop_delay_seconds',
        this.loopDelay,
        LOOP_RESOLUTION_MS * 1e6,
      ),
    )
    const age = oldestReceivedAt === undefined ? 0 : Math.max(0, (now - oldestReceivedAt) / 1000)
    metric(
      'ondeck_relay_oldest_event_age_seconds',
      'gauge',
      'Age of the oldest retained event (0 when none).',
      [`ondeck_relay_oldest_event_age_seconds ${age.toFixed(3)}`],
    )
    metric(
      'ondeck_relay_store_bytes',
      'gauge',
      'Bytes the retained events take in the store (what --retention-max-bytes caps).',
      [`ondeck_relay_store_bytes ${storeBytes}`],
    )
    return `${lines.join('\n')}\n`
  }
}

/** `baseNanos`: the loop monitor's samples include its own timer period, taken off here. */
function windowQuantiles(
  name: string,
  histogram: RecordableHistogram | IntervalHistogram,
  baseNanos = 0,
): string[] {
  const seconds = (nanos: number): string =>
    histogram.count === 0 ? '0' : (Math.max(0, nanos - baseNanos) / 1e9).toFixed(6)
  const lines = [0.5, 0.99].map(
    (q) => `${name}{quantile="${q}"} ${seconds(histogram.percentile(q * 100))}`,
  )
  lines.push(`${name}{quantile="1"} ${seconds(histogram.max)}`)
  histogram.reset()
  return lines
}
