import { join } from 'node:path'
import { openTokenStore } from '../src/relay/index.js'
import { openRedisTokens } from '../src/relay/store/redis-backend.js'
import { startTestRedis } from '../test/relay/redis/redis-server.js'
import { spawnRelay, type RelayChild } from './relay-spawn.js'

/** What one bench setup runs: the relay instance(s) the load and the 50 clients spread over. */
export interface BenchSetup {
  readonly name: 'sqlite' | 'redis-2'
  readonly relays: readonly RelayChild[]
  readonly token: string
  readonly describe: Record<string, string | number>
  stop(): Promise<void>
}

/** One token stands in for 50 desktops here; a deployed relay allows 8 streams per token. */
const streamArgs = (clients: number): string[] => ['--max-streams-per-token', String(clients)]

/** The embedded default: one process, SQLite WAL with synchronous=FULL and group commit. */
export async function startSqliteSetup(dir: string, clients: number): Promise<BenchSetup> {
  const data = join(dir, 'data')
  const tokens = openTokenStore(data)
  const token = tokens.create('bench')
  tokens.close()
  const relay = await spawnRelay([
    '--port',
    '0',
    '--data',
    data,
    '--webhook-secret-file',
    join(dir, 'secret'),
    ...streamArgs(clients),
  ])
  return {
    name: 'sqlite',
    relays: [relay],
    token,
    describe: {
      store: 'SQLite WAL, synchronous=FULL, group commit',
      processes: 'relay, load generator, SSE clients: one each',
    },
    stop: () => relay.stop(),
  }
}

/**
 * Two instances on one local redis-server (AOF, appendfsync always): webhooks alternate between
 * the instances and the clients are split over them, so half of every client's events crossed
 * from the other instance through the stream.
 */
export async function startRedisSetup(dir: string, clients: number): Promise<BenchSetup> {
  const redis = await startTestRedis()
  const tokens = await openRedisTokens({ url: redis.url })
  const token = await tokens.create('bench')
  await tokens.close()
  const args = ['--port', '0', '--store', redis.url, '--webhook-secret-file', join(dir, 'secret')]
  const relays = [
    await spawnRelay([...args, ...streamArgs(clients)]),
    await spawnRelay([...args, ...streamArgs(clients)]),
  ]
  return {
    name: 'redis-2',
    relays,
    token,
    describe: {
      store: `Redis ${redis.version} streams, appendonly yes, appendfsync always, same machine`,
      processes: 'two relays, redis-server, load generator, SSE clients: one each',
      webhooks: 'alternating between the two instances',
      sseClients: 'half on each instance',
    },
    async stop() {
      await Promise.all(relays.map((r) => r.stop()))
      await redis.stop()
    },
  }
}
