import type { RedisConnection } from './redis-connection.js'

/**
 * Why this Redis cannot promise that an acknowledged webhook survives a crash, or undefined when
 * it can. The relay answers a webhook 2xx once Redis replied; only with `appendonly yes` and
 * `appendfsync always` has Redis fsynced the AOF before that reply (with `everysec` up to a
 * second of acknowledged events dies with the machine). An eviction policy over all keys could
 * drop the stream itself under memory pressure.
 */
export async function durabilityProblem(redis: RedisConnection): Promise<string | undefined> {
  let settings: Map<string, string>
  try {
    const flat = await redis.send<string[]>([
      'CONFIG',
      'GET',
      'appendonly',
      'appendfsync',
      'maxmemory-policy',
    ])
    settings = new Map()
    for (let i = 0; i + 1 < flat.length; i += 2) settings.set(flat[i] ?? '', flat[i + 1] ?? '')
  } catch (error) {
    return `cannot read its persistence settings (CONFIG GET failed: ${(error as Error).message}; managed Redis services often disable CONFIG)`
  }
  if (settings.get('appendonly') !== 'yes') {
    return `appendonly is "${settings.get('appendonly') ?? '?'}", so an acknowledged webhook lives only in memory until the next snapshot (set appendonly yes and appendfsync always)`
  }
  if (settings.get('appendfsync') !== 'always') {
    return `appendfsync is "${settings.get('appendfsync') ?? '?'}", so up to a second of acknowledged webhooks can be lost in a crash (set appendfsync always)`
  }
  const policy = settings.get('maxmemory-policy') ?? ''
  if (policy.startsWith('allkeys-')) {
    return `maxmemory-policy is "${policy}", which may evict the event stream itself (use noeviction)`
  }
  return undefined
}
