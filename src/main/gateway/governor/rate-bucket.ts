import { SlidingWindow } from './sliding-window'
import type { BucketState } from './state-schema'
import type { GovernorTuning } from './types'

/**
 * One window (per second or per minute) of one domain: its rolling bucket, its rate factor
 * (AIMD: halved on a 429, stepped back up after the throttle ends) and its throttle.
 */
export class RateBucket {
  readonly window: SlidingWindow
  private baseFactor = 1
  private recoverFrom = 0
  private lastEasedAt = -Infinity
  throttledUntil = 0

  constructor(
    readonly periodSeconds: number,
    public limit: number,
    private readonly safetyMargin: number,
    private readonly tuning: GovernorTuning,
  ) {
    this.window = new SlidingWindow(periodSeconds * 1000)
  }

  /** Rate factor at `now`: the base after the last 429, plus one step per elapsed interval. */
  factorAt(now: number): number {
    if (this.baseFactor >= 1 || now < this.recoverFrom) return this.baseFactor
    const steps = Math.floor((now - this.recoverFrom) / this.tuning.recoveryIntervalMs)
    const factor = this.baseFactor + steps * this.tuning.recoveryStep
    return Math.min(1, Math.round(factor * 1e9) / 1e9)
  }

  /** When the factor next rises, or null at full rate; lets a waiting queue wake for it. */
  nextRecoveryAt(now: number): number | null {
    if (this.factorAt(now) >= 1) return null
    if (now < this.recoverFrom) return this.recoverFrom + this.tuning.recoveryIntervalMs
    const steps = Math.floor((now - this.recoverFrom) / this.tuning.recoveryIntervalMs) + 1
    return this.recoverFrom + steps * this.tuning.recoveryIntervalMs
  }

  effectiveLimit(now: number): number {
    return Math.max(1, Math.floor(this.limit * this.safetyMargin * this.factorAt(now) + 1e-9))
  }

  tokens(now: number): number {
    return Math.max(0, this.effectiveLimit(now) - this.window.count(now))
  }

  /**
   * A 429 for this window. Several in-flight requests usually fail together, so only the first
   * 429 of a throttle lowers the rate; later ones just extend the wait.
   */
  throttle(now: number, until: number): void {
    if (now >= this.throttledUntil) {
      this.baseFactor = Math.max(
        this.tuning.minRateFactor,
        this.factorAt(now) * this.tuning.decreaseFactor,
      )
    }
    this.throttledUntil = Math.max(this.throttledUntil, until)
    this.recoverFrom = this.throttledUntil
  }

  /**
   * The account is busy (another client's load shows in a success's rate-limit state): lower
   * the rate as a 429 would, but keep admitting. At most once per recovery interval, since a busy
   * account marks every answer and each mark is not new news.
   */
  ease(now: number): void {
    if (now < this.lastEasedAt + this.tuning.recoveryIntervalMs) return
    this.lastEasedAt = now
    this.baseFactor = Math.max(
      this.tuning.minRateFactor,
      this.factorAt(now) * this.tuning.decreaseFactor,
    )
    this.recoverFrom = Math.max(now, this.throttledUntil)
  }

  snapshot(now: number): BucketState {
    return {
      periodSeconds: this.periodSeconds,
      limit: this.limit,
      effectiveLimit: this.effectiveLimit(now),
      tokens: this.tokens(now),
      rateFactor: this.factorAt(now),
      throttledUntil: this.throttledUntil > now ? this.throttledUntil : null,
    }
  }
}
