import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export interface DeviceToken {
  readonly name: string
  /** ISO 8601. */
  readonly createdAt: string
}

type Awaitable<T> = T | Promise<T>

/**
 * Device tokens for `GET /events`. Only the SHA-256 of each token is stored: the token is 32
 * random bytes, so a plain digest is as strong as a slow hash here and a leaked database yields
 * nothing usable. Kept apart from the events so swapping the event store leaves devices alone.
 * SQLite answers synchronously, Redis (shared by several relay instances) asynchronously; callers
 * that serve both await every answer.
 */
export interface TokenStore {
  /** Returns the new token; it is shown once and never stored. */
  create(name: string): Awaitable<string>
  list(): Awaitable<DeviceToken[]>
  /** False when no token has that name. */
  revoke(name: string): Awaitable<boolean>
  /** The device name the token belongs to, if it is valid. */
  verify(token: string): Awaitable<string | undefined>
  /**
   * Changes whenever a token was created or revoked, by this process or another one (the CLI,
   * another relay instance): the relay polls it to cut revoked streams at once, so it must be cheap.
   */
  revision(): Awaitable<number>
  close(): Awaitable<void>
}

const DEVICE_NAME = /^[\w.@-]{1,64}$/

/** Throws the message the CLI shows for a device name it cannot store. */
export function checkDeviceName(name: string): void {
  if (!DEVICE_NAME.test(name)) {
    throw new Error(`invalid device name "${name}": use 1-64 letters, digits, '.', '_', '-' or '@'`)
  }
}

/** A new device token: 32 random bytes, shown once. */
export function newDeviceToken(): string {
  return `odr_${randomBytes(32).toString('base64url')}`
}

/** The name whose digest matches, comparing every one without stopping early (constant time). */
export function matchDigest(
  token: string,
  rows: Iterable<{ readonly name: string; readonly hash: Buffer }>,
): string | undefined {
  const presented = digest(token)
  let match: string | undefined
  for (const row of rows) {
    if (row.hash.length === presented.length && timingSafeEqual(presented, row.hash))
      match ??= row.name
  }
  return match
}

export function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
