import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, parse } from 'node:path'
import electronLog from 'electron-log/node'
import type { LogLevel, LogSink } from './logger'

export interface LogFileOptions {
  /** The current file, e.g. `<logs>/main.log`; older ones sit beside it as `main.1.log`, ... */
  readonly file: string
  /** Rotate when the current file passes this size. */
  readonly maxBytes?: number
  /** How many rotated files to keep. */
  readonly keep?: number
  /** Also print warnings and errors to stderr (development, the CLI). */
  readonly console?: boolean
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024
export const LOG_KEEP = 3

export interface LogFile extends LogSink {
  /** The current file first, then the rotated ones that exist, newest first. */
  files(): string[]
}

/** `main.log` -> `main.<n>.log`. */
export function rotatedPath(file: string, n: number): string {
  const { dir, name, ext } = parse(file)
  return join(dir, `${name}.${n}${ext}`)
}

/** Shifts `main.log` to `main.1.log`, `main.1.log` to `main.2.log`, ..., dropping the oldest. */
export function rotate(file: string, keep: number): void {
  rmSync(rotatedPath(file, keep), { force: true })
  for (let n = keep - 1; n >= 1; n -= 1) {
    const from = rotatedPath(file, n)
    if (existsSync(from)) renameSync(from, rotatedPath(file, n + 1))
  }
  if (keep >= 1) renameSync(file, rotatedPath(file, 1))
  else rmSync(file, { force: true })
}

/**
 * A rotating log file written by electron-log's file transport, in its Node flavour for the
 * desktop app and browser mode alike. Not `electron-log/main`: that one listens on an IPC channel
 * of its own (`__ELECTRON_LOG__`) that would let a page write unchecked lines; renderer lines come
 * through the contract's `log:write` instead. At most `(keep + 1) * maxBytes` on disk.
 */
export function openLogFile(options: LogFileOptions): LogFile {
  const keep = options.keep ?? LOG_KEEP
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 })
  const log = electronLog.create({ logId: `ondeck-${randomUUID()}` })
  const transport = log.transports.file
  transport.resolvePathFn = () => options.file
  transport.maxSize = options.maxBytes ?? LOG_MAX_BYTES
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' }
  transport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}'
  transport.archiveLogFn = (old) => rotate(old.path, keep)
  log.transports.console.level = options.console === true ? 'warn' : false
  // The Node flavour has no IPC transport; the remote one stays off (nothing leaves the machine).
  log.transports.remote.level = false
  return {
    write: (level: LogLevel, line: string) => log[level](line),
    files: () => {
      const rotated = Array.from({ length: keep }, (_, i) => rotatedPath(options.file, i + 1))
      return [options.file, ...rotated].filter((path) => existsSync(path))
    },
  }
}
