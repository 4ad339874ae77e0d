import { scrubText } from './mask'

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** A structured field: plain values, or an error (its name and message; stacks can quote requests). */
export type LogValue = string | number | boolean | null | undefined | Error
export type LogFields = Readonly<Record<string, LogValue>>

/**
 * What every part of main logs through. There is no way to hand it an object to dump: a message
 * and named plain fields only, and both pass through `scrubText` before anything is written.
 */
export interface Logger {
  error(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  debug(message: string, fields?: LogFields): void
}

/** Where finished, already-scrubbed lines go: a rotating file (`log-file.ts`), a test's array. */
export interface LogSink {
  write(level: LogLevel, line: string): void
}

export interface LoggerOptions {
  readonly sink: LogSink
  /** The secret values in use right now (connected workspaces' keys and tokens). */
  readonly secrets?: () => Iterable<string>
  /** Prefixed to every line: `shell`, `gateway`, `renderer`. */
  readonly scope?: string
}

/** A line longer than this is cut: one runaway message must not push the rest out of the file. */
export const MAX_LINE_CHARS = 8_000

function fieldText(value: LogValue): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`
  return value === undefined ? 'undefined' : JSON.stringify(value)
}

/** `message key=value key="text"`, one line: newlines are escaped so a line cannot forge another. */
export function formatLine(message: string, fields: LogFields = {}): string {
  const parts = [message]
  for (const [key, value] of Object.entries(fields)) parts.push(`${key}=${fieldText(value)}`)
  return parts.join(' ').replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
}

/** Cut after scrubbing, never before: a cut through a secret would leave a piece no scrub knows. */
const cut = (line: string): string =>
  line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…[cut]` : line

export function createLogger(options: LoggerOptions): Logger {
  const prefix = options.scope === undefined ? '' : `[${options.scope}] `
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      const text = `${prefix}${formatLine(message, fields)}`
      const line = cut(scrubText(text, options.secrets?.() ?? []))
      try {
        options.sink.write(level, line)
      } catch {
        // A full disk or a closed file must not take the caller down; the line is lost.
      }
    }
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') }
}
