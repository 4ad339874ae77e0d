import type { Logger } from '../gateway/diagnostics/logger'

/** Where the shell reports what it did not do (a failed update check, a crash reload). */
export interface ShellLog {
  info(message: string): void
  warn(message: string, error?: unknown): void
}

/** Messages only, never payloads: nothing the shell logs carries a secret or alert content. */
export const consoleLog: ShellLog = {
  info: (message) => console.info(`[shell] ${message}`),
  warn: (message, error) =>
    console.warn(`[shell] ${message}`, error instanceof Error ? error.message : (error ?? '')),
}

/** The shell's lines into main's log file (scrubbed there like every other line). */
export function shellLogTo(logger: Logger): ShellLog {
  return {
    info: (message) => logger.info(message),
    warn: (message, error) =>
      logger.warn(
        message,
        error === undefined ? undefined : { error: error instanceof Error ? error : String(error) },
      ),
  }
}
