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
