import type { DeviceToken, TokenStore } from '../token-store.js'
import { checkDeviceName, digest, matchDigest, newDeviceToken } from '../token-store.js'
import type { RedisConnection } from './redis-connection.js'
import { redisKeys, type RedisKeys } from './redis-store.js'

/** KEYS: tokens hash, revision. ARGV: name, record. Adds only a new name; bumps the revision. */
const CREATE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('INCR', KEYS[2])
return 1
`
/** KEYS: tokens hash, revision. ARGV: name. */
const REVOKE = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('INCR', KEYS[2])
return 1
`

interface TokenRecord {
  /** SHA-256 of the token, hex. */
  readonly hash: string
  readonly createdAt: string
}

/**
 * Device tokens in one Redis hash (name -> digest and creation time), shared by every relay
 * instance and the CLI. Every change bumps a revision counter in the same script, which each
 * instance polls (one GET) to cut a revoked token's streams, wherever they are open.
 */
export function openRedisTokenStore(
  redis: RedisConnection,
  keys: RedisKeys = redisKeys(),
): TokenStore {
  const rows = async (): Promise<[string, TokenRecord][]> => {
    const flat = await redis.send<string[]>(['HGETALL', keys.tokens])
    const out: [string, TokenRecord][] = []
    for (let i = 0; i + 1 < flat.length; i += 2)
      out.push([flat[i] ?? '', JSON.parse(flat[i + 1] ?? '{}') as TokenRecord])
    return out.sort(([a], [b]) => a.localeCompare(b))
  }
  return {
    async create(name) {
      checkDeviceName(name)
      const token = newDeviceToken()
      const record: TokenRecord = {
        hash: digest(token).toString('hex'),
        createdAt: new Date().toISOString(),
      }
      const added = await redis.send<number>([
        'EVAL',
        CREATE,
        '2',
        keys.tokens,
        keys.tokensRevision,
        name,
        JSON.stringify(record),
      ])
      if (added !== 1) throw new Error(`a token named "${name}" already exists; revoke it first`)
      return token
    },
    list: async (): Promise<DeviceToken[]> =>
      (await rows()).map(([name, r]) => ({ name, createdAt: r.createdAt })),
    async revoke(name) {
      const removed = await redis.send<number>([
        'EVAL',
        REVOKE,
        '2',
        keys.tokens,
        keys.tokensRevision,
        name,
      ])
      return removed === 1
    },
    async verify(token) {
      const all = await rows()
      return matchDigest(
        token,
        all.map(([name, r]) => ({ name, hash: Buffer.from(r.hash, 'hex') })),
      )
    },
    revision: async () =>
      Number((await redis.send<string | null>(['GET', keys.tokensRevision])) ?? 0),
    close: () => redis.close(),
  }
}
