/**
 * A rolling token bucket: each token comes back exactly one period after it was spent. Unlike a
 * bucket refilled at a steady rate (which lets 2x the limit through across a window boundary),
 * this guarantees at most `limit` requests in ANY window of `periodMs`, so it also passes any
 * steady-rate bucket of the same size on the server side.
 */
export class SlidingWindow {
  private readonly times: number[] = []
  private head = 0

  constructor(readonly periodMs: number) {}

  /** Requests spent in (now - period, now]. */
  count(now: number): number {
    this.prune(now)
    return this.times.length - this.head
  }

  record(now: number): void {
    this.times.push(now)
  }

  /** Earliest time >= now at which at most `max` spent requests are still inside the window. */
  availableAt(now: number, max: number): number {
    const inside = this.count(now)
    if (inside <= max) return now
    const leaving = this.times[this.head + inside - Math.max(0, max) - 1]
    return leaving === undefined ? now : leaving + this.periodMs
  }

  private prune(now: number): void {
    // `spent + period <= now` (not `spent <= now - period`): the same float sum as availableAt
    while (
      this.head < this.times.length &&
      (this.times[this.head] ?? Infinity) + this.periodMs <= now
    ) {
      this.head++
    }
    // compact now and then so a long-lived window does not grow without bound
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head)
      this.head = 0
    }
  }
}
