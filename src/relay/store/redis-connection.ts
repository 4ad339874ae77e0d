import { createClient, ErrorReply, type RedisArgument } from 'redis'
import { StoreUnavailableError } from './event-store.js'

/** How the relay reaches Redis: `--store redis://host:port[/db]` plus an optional password file. */
export interface RedisTarget {
  /** `redis://host:port[/db]` or `rediss://` (TLS); never carries the password. */
  readonly url: string
  readonly password?: string
}

/**
 * A webhook waits at most this long for Redis before it is answered 503. Opsgenie retries a
 * failed delivery, so failing fast is better than holding its connection open.
 */
export const COMMAND_TIMEOUT_MS = 2000
/** Attempts (200 ms apart) to reach Redis at start; later, reconnection never gives up. */
const STARTUP_ATTEMPTS = 25

/** A node-redis client narrowed to the one call the relay uses: raw commands, typed replies. */
export interface RedisConnection {
  send<T>(args: readonly RedisArgument[], timeoutMs?: number): Promise<T>
  /** A second connection for blocking reads, so a blocked XREAD never delays a webhook. */
  duplicate(): Promise<RedisConnection>
  close(): Promise<void>
}

/**
 * Connects, failing with a clear message when Redis is unreachable at start. After that the
 * client reconnects forever (at most 1 s apart), and while it is disconnected every command fails
 * at once (`disableOfflineQueue`) instead of queueing: a webhook gets 503 and is retried by
 * Opsgenie, rather than waiting on a queue that would be sent after its sender gave up.
 */
export async function connectRedis(target: RedisTarget, role = 'store'): Promise<RedisConnection> {
  let everConnected = false
  let reportedDown = false
  let lastError = 'no answer'
  const client = createClient({
    url: target.url,
    ...(target.password === undefined ? {} : { password: target.password }),
    name: `ondeck-relay-${role}`,
    // Flat arrays for stream entries and CONFIG GET, whatever node-redis defaults to.
    RESP: 2,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => {
        if (everConnected) return Math.min(50 * 2 ** retries, 1000)
        return retries >= STARTUP_ATTEMPTS ? new Error('gave up') : 200
      },
    },
  })
  client.on('error', (error: Error) => {
    lastError = error.message
    // node-redis emits every failed reconnect; one line per outage is enough.
    if (everConnected && !reportedDown) {
      reportedDown = true
      console.error(`relay: lost Redis (${role}): ${error.message}; reconnecting`)
    }
  })
  client.on('ready', () => {
    if (reportedDown) console.error(`relay: Redis (${role}) is back`)
    everConnected = true
    reportedDown = false
  })
  try {
    await client.connect()
  } catch (error) {
    throw new StoreUnavailableError(
      `cannot reach Redis at ${redactUrl(target.url)} (${lastError}; ${(error as Error).message} after ${STARTUP_ATTEMPTS} attempts)`,
    )
  }
  return wrap(client, target, role)
}

/** The part of a node-redis client `wrap` uses. */
interface RawClient {
  readonly isOpen: boolean
  sendCommand<T>(
    args: readonly RedisArgument[],
    options: { rejectInFlight: boolean; timeout?: number },
  ): Promise<T>
  destroy(): void
}

function wrap(client: RawClient, target: RedisTarget, role: string): RedisConnection {
  return {
    async send<T>(args: readonly RedisArgument[], timeoutMs?: number): Promise<T> {
      try {
        const options = timeoutMs === undefined ? undefined : { timeout: timeoutMs }
        return await client.sendCommand<T>(args, { rejectInFlight: true, ...options })
      } catch (error) {
        throw asUnavailable(error)
      }
    },
    duplicate: () => connectRedis(target, `${role}-reader`),
    async close() {
      // destroy, not quit: a blocked XREAD would hold a graceful quit for its whole timeout.
      if (client.isOpen) client.destroy()
    },
  }
}

/**
 * Connection trouble (closed socket, timeout, offline) becomes StoreUnavailableError; an error
 * Redis itself answered (a script bug, NOPERM) stays as it is, it is not a passing outage.
 */
function asUnavailable(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  if (
    error instanceof ErrorReply &&
    !/^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN)/.test(error.message)
  )
    return error
  return new StoreUnavailableError(`Redis unavailable: ${error.message}`)
}

/** For messages: the URL without any credentials it might carry. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}
