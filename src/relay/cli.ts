import { mkdirSync } from 'node:fs'
import { ConfigError, parseServeArgs, parseTokenArgs } from './config.js'
import { startRelay } from './index.js'
import { openRedisTokens } from './store/redis-backend.js'
import { openTokenStore, type TokenStore } from './tokens.js'

const USAGE = `usage:
  relay serve --port <n> (--data <dir> | --store redis://host:port[/db]) --webhook-secret-file <file>
              [--host 127.0.0.1] [--store-password-file <file>] [--accept-volatile-store]
              [--retention-hours 72] [--retention-max-bytes 1073741824] [--heartbeat-seconds 15]
              [--max-streams 256] [--max-streams-per-token 8]
  relay token create (--data <dir> | --store <url>) --name <device>
  relay token list (--data <dir> | --store <url>)
  relay token revoke (--data <dir> | --store <url>) --name <device>`

async function main(argv: readonly string[]): Promise<void> {
  // Whatever this process creates (databases, WAL files, folders) is for its own user only.
  process.umask(0o077)
  const [command, sub, ...rest] = argv
  if (command === 'serve') return serve(argv.slice(1))
  if (command === 'token' && (sub === 'create' || sub === 'list' || sub === 'revoke'))
    return token(sub, rest)
  const what =
    argv.length === 0 ? 'no command given' : `unknown command "${argv.slice(0, 2).join(' ')}"`
  throw new ConfigError(`${what}\n${USAGE}`)
}

async function serve(args: readonly string[]): Promise<void> {
  const config = parseServeArgs(args)
  const relay = await startRelay(config).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
      throw new ConfigError(`cannot listen on ${config.host}:${config.port} (${error.code})`)
    }
    throw error
  })
  console.log(`ondeck relay listening on ${relay.url}`)
  console.log(`  webhook: POST ${relay.url}/webhooks/opsgenie  events: GET ${relay.url}/events`)
  if (!['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    console.log('  exposed beyond loopback: terminate TLS in front of it (see docs/relay.md)')
  }
  const stop = (): void => {
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

async function token(sub: 'create' | 'list' | 'revoke', args: readonly string[]): Promise<void> {
  const { dataDir, redis, name } = parseTokenArgs(args, sub !== 'list')
  let tokens: TokenStore
  if (redis !== undefined) tokens = await openRedisTokens(redis)
  else {
    mkdirSync(dataDir ?? '.', { recursive: true })
    tokens = openTokenStore(dataDir ?? '.')
  }
  try {
    if (sub === 'create') {
      console.log(await tokens.create(name))
      console.error(`created a token for "${name}"; it is shown only once`)
    } else if (sub === 'list') {
      for (const t of await tokens.list()) console.log(`${t.name}\t${t.createdAt}`)
    } else if (!(await tokens.revoke(name))) {
      throw new ConfigError(`no token named "${name}"`)
    } else {
      console.log(`revoked "${name}"`)
    }
  } finally {
    await tokens.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`relay: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof ConfigError ? 2 : 1)
})
