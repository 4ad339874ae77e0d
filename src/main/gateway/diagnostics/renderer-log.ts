import type { Logger } from './logger'

export interface RendererLogLine {
  readonly level: 'error' | 'warn' | 'info'
  readonly message: string
}

export interface RendererLogLimits {
  /** Lines a page may write at once... */
  readonly burst: number
  /** ...and per second after that. */
  readonly perSecond: number
  /** Longer messages are cut (the contract refuses more than `MAX_RENDERER_MESSAGE` anyway). */
  readonly maxChars: number
}

export const RENDERER_LOG_LIMITS: RendererLogLimits = { burst: 50, perSecond: 5, maxChars: 2_000 }

export interface RendererLog {
  /** Writes the line or drops it; answers whether it was written. */
  write(line: RendererLogLine): boolean
}

/**
 * Renderer lines into main's log, through a token bucket: a page in a loop (or a compromised one)
 * writes at most `burst` lines and then `perSecond`, each cut to `maxChars`, so it cannot fill
 * the disk or push main's own lines out of the rotated files. Dropped lines are counted and the
 * count is written on the next line that gets through (`droppedBefore=n`).
 */
export function createRendererLog(
  logger: Logger,
  limits: RendererLogLimits = RENDERER_LOG_LIMITS,
  now: () => number = Date.now,
): RendererLog {
  let tokens = limits.burst
  let refilledAt = now()
  let dropped = 0
  return {
    write(line) {
      const at = now()
      tokens = Math.min(limits.burst, tokens + ((at - refilledAt) / 1000) * limits.perSecond)
      refilledAt = at
      if (tokens < 1) {
        dropped += 1
        return false
      }
      tokens -= 1
      const message =
        line.message.length > limits.maxChars
          ? `${line.message.slice(0, limits.maxChars)}…[cut]`
          : line.message
      logger[line.level](message, dropped > 0 ? { droppedBefore: dropped } : undefined)
      dropped = 0
      return true
    },
  }
}
