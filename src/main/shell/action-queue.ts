import { randomUUID } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { NotificationAction } from '../../shared/ipc/schemas'
import type { QueuedAction } from '../../shared/ipc/handoff'
import type { ShellLog } from './log'

export type NotificationActionPayload = z.infer<typeof NotificationAction>

export interface ActionQueueOptions {
  /** The queue's file, in userData. */
  readonly file: string
  readonly log: ShellLog
  readonly now?: () => number
  /** Past this many waiting actions the oldest is dropped (with a log line). */
  readonly maxEntries?: number
  /** Actions older than this are dropped (with a log line): a day-old Acknowledge is stale. */
  readonly maxAgeMs?: number
  readonly newId?: () => string
}

export interface ActionQueue {
  /** Written and fsynced before it returns: the button press survives a crash from here on. */
  enqueue(action: NotificationActionPayload): QueuedAction
  /** What no page has taken yet, oldest first; expired entries are dropped first. */
  pending(): QueuedAction[]
  take(deliveryId: string): void
}

const Put = z.object({
  put: z.object({ deliveryId: z.string().min(1), at: z.number(), action: NotificationAction }),
})
const Taken = z.object({ taken: z.string().min(1) })
const DAY_MS = 24 * 60 * 60 * 1000

interface Entry {
  readonly at: number
  readonly action: NotificationActionPayload
}

/**
 * A delivery queue, not domain state: a notification button pressed while no page listens (the
 * window reloading, main restarting) waits here until a page takes it. An append-only JSON-lines
 * file: one `put` per action, one `taken` per confirmation, rewritten compactly on open and when
 * it empties, so it stays a few lines long. A torn last line (a crash mid-write) is skipped.
 */
export function openActionQueue(options: ActionQueueOptions): ActionQueue {
  const { file, log, now = Date.now, maxEntries = 100, maxAgeMs = DAY_MS } = options
  const newId = options.newId ?? randomUUID
  const entries = new Map<string, Entry>()
  let records = 0

  function append(record: object): void {
    mkdirSync(dirname(file), { recursive: true })
    const fd = openSync(file, 'a')
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    records += 1
  }

  /** Replaces the file with only what is still waiting (write, fsync, rename, fsync the folder). */
  function compact(): void {
    const lines = [...entries].map(([deliveryId, e]) =>
      JSON.stringify({ put: { deliveryId, ...e } }),
    )
    const temp = `${file}.tmp`
    mkdirSync(dirname(file), { recursive: true })
    const fd = openSync(temp, 'w')
    try {
      writeSync(fd, lines.map((line) => `${line}\n`).join(''))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
    syncFolder(dirname(file))
    records = lines.length
  }

  function dropExpired(): void {
    const cutoff = now() - maxAgeMs
    const expired = [...entries].filter(([, e]) => e.at < cutoff).map(([id]) => id)
    if (expired.length === 0) return
    for (const id of expired) entries.delete(id)
    log.warn(`dropped ${expired.length} notification action(s) older than 24h that no window took`)
    compact()
  }

  function load(): void {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []
    let unreadable = 0
    for (const line of lines) {
      if (line.trim() === '') continue
      const record = parseRecord(line)
      if (record === undefined) unreadable += 1
      else if ('put' in record) entries.set(record.put.deliveryId, record.put)
      else entries.delete(record.taken)
    }
    if (unreadable > 0) log.warn(`skipped ${unreadable} unreadable line(s) in ${file}`)
    while (entries.size > maxEntries) dropOldest()
    // also creates the file (and makes its name durable) before the first append
    compact()
    dropExpired()
  }

  function dropOldest(): void {
    const oldest = entries.keys().next()
    if (oldest.done === true) return
    entries.delete(oldest.value)
    log.warn(`notification action queue full (${maxEntries}); dropped the oldest action`)
  }

  load()
  return {
    enqueue(action) {
      if (entries.size >= maxEntries) dropOldest()
      const queued = { deliveryId: newId(), action: NotificationAction.parse(action) }
      const entry = { at: now(), action: queued.action }
      append({ put: { deliveryId: queued.deliveryId, ...entry } })
      entries.set(queued.deliveryId, entry)
      return queued
    },
    pending() {
      dropExpired()
      return [...entries].map(([deliveryId, e]) => ({ deliveryId, action: e.action }))
    },
    take(deliveryId) {
      if (!entries.delete(deliveryId)) return
      if (entries.size === 0 || records > maxEntries * 4) compact()
      else append({ taken: deliveryId })
    },
  }
}

function parseRecord(line: string): z.infer<typeof Put> | z.infer<typeof Taken> | undefined {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch {
    return undefined
  }
  const put = Put.safeParse(raw)
  if (put.success) return put.data
  const taken = Taken.safeParse(raw)
  return taken.success ? taken.data : undefined
}

/** Makes a rename durable on POSIX; Windows cannot open a folder for fsync and does not need to. */
function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
