import { WebhookPayloads, type WebhookEvent, type WebhookIntegration } from './webhook-payload'

export interface WebhookTarget {
  url: string
  headers?: Record<string, string>
}

/** Delays between attempts; Opsgenie's own retry policy is unknown (API-NOTES §7.1). */
const RETRY_DELAYS_MS = [100, 400, 1_000]
const TIMEOUT_MS = 5_000

/**
 * Delivers webhooks one at a time, in order, off the request path: an API response never
 * waits for delivery. A delivery that still fails after the retries is dropped and counted.
 */
export class WebhookDispatcher {
  readonly delivered: string[] = []
  failed = 0
  private readonly queue: string[] = []
  private running = false
  private idle: (() => void)[] = []
  private closed = false
  private readonly payloads: WebhookPayloads

  constructor(
    private readonly target: WebhookTarget | undefined,
    integration: WebhookIntegration,
  ) {
    this.payloads = new WebhookPayloads(integration)
  }

  emit(event: WebhookEvent): void {
    if (!this.target || this.closed) return
    this.queue.push(this.payloads.build(event))
    if (!this.running) void this.drain()
  }

  flush(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  close(): void {
    this.closed = true
    this.queue.length = 0
  }

  private async drain(): Promise<void> {
    this.running = true
    for (let body = this.queue.shift(); body !== undefined; body = this.queue.shift()) {
      if (await this.deliver(body)) this.delivered.push(body)
      else this.failed += 1
    }
    this.running = false
    for (const resolve of this.idle.splice(0)) resolve()
  }

  private async deliver(body: string): Promise<boolean> {
    const target = this.target
    if (!target) return false
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
      if (this.closed) return false
      try {
        const res = await fetch(target.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...target.headers },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        await res.arrayBuffer()
        if (res.ok) return true
      } catch {
        // network failure or timeout: retried below
      }
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) break
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
    return false
  }
}
