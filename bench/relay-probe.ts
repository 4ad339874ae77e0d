import { request, type ClientRequest } from 'node:http'

const MARK = 'probe\\":\\"' // as it appears inside the JSON-encoded `payload` string

/**
 * The benchmark's 50 SSE clients, kept lean so the measuring process steals as little CPU as
 * possible from the relay on a 2-core machine: each chunk is scanned as latin1 for the probe
 * field (`"probe":"<tag>:<due ns>"`, written by bench/relay-load.ts) instead of parsing frames.
 */
export class LatencyProbe {
  private readonly samples = new Map<string, number[]>()
  private readonly counts = new Map<string, number>()
  private readonly requests: ClientRequest[] = []

  async connect(url: string, token: string, clients: number): Promise<void> {
    await Promise.all(Array.from({ length: clients }, () => this.open(url, token)))
  }

  count(tag: string): number {
    return this.counts.get(tag) ?? 0
  }

  /** The tag's latency samples in ms, sorted; they are forgotten. */
  take(tag: string): number[] {
    const taken = (this.samples.get(tag) ?? []).sort((a, b) => a - b)
    this.samples.delete(tag)
    return taken
  }

  close(): void {
    for (const req of this.requests) req.destroy()
  }

  private open(url: string, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${url}/events`,
        { headers: { Authorization: `Bearer ${token}` } },
        (res) => {
          if (res.statusCode !== 200)
            return reject(new Error(`SSE connect answered ${res.statusCode}`))
          let tail = ''
          res.on('data', (chunk: Buffer) => {
            const at = process.hrtime.bigint()
            const text = tail + chunk.toString('latin1')
            let from = 0
            let incomplete = -1
            for (let i = text.indexOf(MARK); i >= 0; i = text.indexOf(MARK, from)) {
              const end = text.indexOf('\\"', i + MARK.length)
              if (end < 0) {
                incomplete = i
                break
              }
              this.record(text.slice(i + MARK.length, end), at)
              from = end
            }
            // Keep what may hold a mark cut by the chunk boundary.
            tail = text.slice(
              incomplete >= 0 ? incomplete : Math.max(from, text.length - MARK.length),
            )
          })
          resolve()
        },
      )
      req.on('error', () => undefined)
      this.requests.push(req)
      req.end()
    })
  }

  private record(value: string, at: bigint): void {
    const colon = value.indexOf(':')
    const tag = value.slice(0, colon)
    this.counts.set(tag, (this.counts.get(tag) ?? 0) + 1)
    const samples = this.samples.get(tag) ?? []
    samples.push(Number(at - BigInt(value.slice(colon + 1))) / 1e6)
    this.samples.set(tag, samples)
  }
}
