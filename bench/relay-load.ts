/**
 * The relay benchmark's load generator, run as its own process (`node --import tsx
 * bench/relay-load.ts '<json>'`) so it never shares an event loop with the relay or the SSE
 * clients. Prints one JSON line with what it measured.
 *
 * Open loop: request i is due at start + i/rate whatever happened to earlier ones, and its
 * `sentAtNs` is that due time, so a stalled generator or relay shows up as latency instead of
 * silently lowering the load (no coordinated omission). Closed loop: `concurrency` requests in
 * flight back to back, to find the highest sustained durable ingest rate.
 */
import { Agent, request } from 'node:http'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface LoadConfig {
  readonly url: string
  /** Several relay instances behind no balancer: request i goes to `urls[i % length]`. */
  readonly urls?: readonly string[]
  readonly secret: string
  readonly mode: 'open' | 'closed'
  readonly rate: number
  readonly concurrency: number
  readonly durationMs: number
  readonly warmupMs: number
  readonly tag: string
}

/** Counts and latencies cover the measured part only, not the warm-up. */
export interface LoadReport {
  readonly sent: number
  readonly acked: number
  readonly failed: number
  readonly elapsedMs: number
  readonly ackP50Ms: number
  readonly ackP99Ms: number
  /** Open loop: how far behind schedule the generator itself fell at worst. */
  readonly maxScheduleLagMs: number
}

/** A realistic ~900-byte Create (API-NOTES 7.5) carrying `tag:due time` for the latency probe. */
export function webhookBody(tag: string, i: number, sentAtNs: bigint): string {
  return `{"action":"Create","alert":{"alertId":"${tag}-${i}","message":"CPU above 95% on db-${i % 7}","tags":["bench","db"],"tinyId":"${i}","entity":"db-${i % 7}","alias":"${tag}-${i}","createdAt":1593475564295,"updatedAt":${1593475564636000000n + BigInt(i)},"username":"kenaz@puppet.com","userId":"e760568d-4e19-413e-9ff9-2661f416edbb","description":"Load average has been above the threshold for five minutes.","team":"operations","responders":[{"id":"6ee84e52-f33e-45d9-87ab-533fd69d5591","type":"team","name":"operations"}],"teams":["6ee84e52-f33e-45d9-87ab-533fd69d5591"],"actions":[],"details":{"probe":"${tag}:${sentAtNs}"},"priority":"P3","source":"kenaz@puppet.com"},"source":{"name":"","type":"web"},"integrationName":"operations_Webhook_2","integrationId":"cab111af-f56b-4886-b20a-f947ea3163e2","integrationType":"Webhook"}`
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 })

function post(config: LoadConfig, i: number, body: string): Promise<boolean> {
  const urls = config.urls ?? [config.url]
  return new Promise((resolve) => {
    const req = request(
      `${urls[i % urls.length] ?? config.url}/webhooks/opsgenie`,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Ondeck-Webhook-Secret': config.secret,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode === 200))
      },
    )
    req.on('error', () => resolve(false))
    req.end(body)
  })
}

export async function runLoad(config: LoadConfig): Promise<LoadReport> {
  const acks: number[] = []
  let sent = 0
  let failed = 0
  let maxLagNs = 0n
  const start = process.hrtime.bigint()
  // Warm-up traffic (tagged `warmup`, not counted) lets this fresh process JIT and open its
  // keep-alive connections first, so the phase measures the relay rather than our cold start.
  const measureFrom = start + BigInt(config.warmupMs) * 1_000_000n
  const deadline = measureFrom + BigInt(config.durationMs) * 1_000_000n
  const fire = async (i: number, dueNs: bigint): Promise<void> => {
    const measured = dueNs >= measureFrom
    if (measured) sent++
    const ok = await post(config, i, webhookBody(measured ? config.tag : 'warmup', i, dueNs))
    if (!measured) return
    if (ok) acks.push(Number(process.hrtime.bigint() - dueNs) / 1e6)
    else failed++
  }
  const inFlight: Promise<void>[] = []
  if (config.mode === 'open') {
    const intervalNs = BigInt(Math.round(1e9 / config.rate))
    let i = 0
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const now = process.hrtime.bigint()
        for (
          let due = start + BigInt(i) * intervalNs;
          due <= now && due < deadline;
          due = start + BigInt(i) * intervalNs
        ) {
          if (due >= measureFrom && now - due > maxLagNs) maxLagNs = now - due
          inFlight.push(fire(i++, due))
        }
        if (now >= deadline) resolve()
        else setTimeout(tick, 1)
      }
      tick()
    })
  } else {
    let i = 0
    const worker = async (): Promise<void> => {
      while (process.hrtime.bigint() < deadline) await fire(i++, process.hrtime.bigint())
    }
    inFlight.push(...Array.from({ length: config.concurrency }, worker))
  }
  await Promise.all(inFlight)
  const elapsedMs = Number(process.hrtime.bigint() - measureFrom) / 1e6
  acks.sort((a, b) => a - b)
  const pct = (p: number): number =>
    acks[Math.min(acks.length - 1, Math.floor((acks.length * p) / 100))] ?? NaN
  agent.destroy()
  return {
    sent,
    acked: acks.length,
    failed,
    elapsedMs,
    ackP50Ms: pct(50),
    ackP99Ms: pct(99),
    maxScheduleLagMs: Number(maxLagNs) / 1e6,
  }
}

if (
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === resolvePath(process.argv[1])
) {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig
  runLoad(config).then(
    (report) => console.log(JSON.stringify(report)),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
