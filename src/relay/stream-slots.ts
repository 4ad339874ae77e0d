export type StreamRefusal =
  | { readonly status: 429; readonly reason: 'per_token'; readonly message: string }
  | { readonly status: 503; readonly reason: 'total'; readonly message: string }

/** Frees the slot; calling it again does nothing. */
export type ReleaseSlot = () => void

/**
 * Counts open SSE streams, per device and in total. A desktop needs one stream (two while it
 * reconnects); without a cap, one token could hold every socket the process has and leave none
 * for Opsgenie's webhooks. A slot is taken before the first `await`, so a burst of requests
 * cannot all pass the check before any of them counts.
 */
export class StreamSlots {
  private total = 0
  private readonly perDevice = new Map<string, number>()

  constructor(
    readonly maxTotal: number,
    readonly maxPerDevice: number,
  ) {}

  take(device: string): ReleaseSlot | StreamRefusal {
    const mine = this.perDevice.get(device) ?? 0
    if (mine >= this.maxPerDevice) {
      return {
        status: 429,
        reason: 'per_token',
        message: `this device token already has ${mine} open streams; the relay allows at most ${this.maxPerDevice} streams per device token`,
      }
    }
    if (this.total >= this.maxTotal) {
      return {
        status: 503,
        reason: 'total',
        message: `the relay already serves ${this.total} streams, its limit; try again later`,
      }
    }
    this.total++
    this.perDevice.set(device, mine + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.total--
      const left = (this.perDevice.get(device) ?? 1) - 1
      if (left === 0) this.perDevice.delete(device)
      else this.perDevice.set(device, left)
    }
  }
}
