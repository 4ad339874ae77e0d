import type { StoredEvent } from './event-store.js'
import { COMMAND_TIMEOUT_MS, type RedisConnection } from './redis-connection.js'
import { fromEntry, type StreamEntry } from './redis-store.js'

/** How long one XREAD blocks; a closed or silent connection is noticed within this plus the timeout. */
const BLOCK_MS = 5000
const PAGE = 1000
const RETRY_MS = 200

export interface StreamTail {
  stop(): Promise<void>
}

export interface TailTarget {
  readonly stream: string
  /** The id counter: below the last id seen means Redis lost its data. */
  readonly seq: string
  readonly publish: (events: readonly StoredEvent[]) => void
  /** Redis came back without the events seen so far (ids restart at `latestId` + 1). */
  readonly lost: (latestId: number) => void
}

/**
 * Live fan-out across instances: one blocking XREAD per instance, on its own connection, from the
 * last id it saw. Every event, whichever instance accepted it, reaches `publish` in stream order
 * (id order), so each instance's SSE hub feeds its clients exactly as with one process. While
 * Redis is away it retries every RETRY_MS and continues from the same id, so nothing is skipped.
 */
export function startStreamTail(
  reader: RedisConnection,
  target: TailTarget,
  fromId: number,
): StreamTail {
  let lastId = fromId
  let stopped = false
  let failing = false

  /**
   * A blocked XREAD waits for ids above the last one seen; if Redis restarted empty (volatile
   * persistence) or was flushed, it would wait through every reused id. Checked when a read
   * comes back empty and after each failure, so at most BLOCK_MS after Redis is back.
   */
  const checkLoss = async (): Promise<void> => {
    const latest = Number((await reader.send<string | null>(['GET', target.seq])) ?? 0)
    if (latest >= lastId) return
    console.error(
      `relay: Redis no longer has events up to id ${lastId} (its latest is ${latest}); it lost its data. Streams restart and desktops resynchronise.`,
    )
    lastId = latest
    target.lost(latest)
  }

  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        const reply = await reader.send<[string, StreamEntry[]][] | null>(
          [
            'XREAD',
            'COUNT',
            String(PAGE),
            'BLOCK',
            String(BLOCK_MS),
            'STREAMS',
            target.stream,
            `${lastId}-0`,
          ],
          BLOCK_MS + COMMAND_TIMEOUT_MS,
        )
        const entries = reply?.[0]?.[1] ?? []
        const events = entries.map(fromEntry)
        const last = events[events.length - 1]
        if (failing || last === undefined) await checkLoss()
        failing = false
        if (last === undefined) continue
        lastId = last.id
        target.publish(events)
      } catch (error) {
        if (stopped) return
        if (!failing) console.error(`relay: reading the Redis stream failed: ${String(error)}`)
        failing = true
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
      }
    }
  }
  const running = loop()

  return {
    async stop() {
      stopped = true
      await reader.close()
      await running
    },
  }
}
