import { existsSync, readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { RedisStoreConfig } from './store/redis-backend.js'
import { parseSlackFlags, SLACK_BOOLEAN_FLAGS, SLACK_FLAGS } from './slack/config.js'
import type { SlackOptions } from './slack/index.js'

/** A problem with how the relay was invoked; the CLI prints the message and exits 2. */
export class ConfigError extends Error {}

export interface ServeConfig {
  readonly port: number
  readonly host: string
  /** The embedded SQLite store's folder; absent when `redis` is given (`--store`). */
  readonly dataDir?: string
  readonly redis?: RedisStoreConfig
  readonly webhookSecret: string
  readonly retentionMs: number
  readonly retentionMaxBytes: number
  readonly heartbeatMs: number
  readonly maxStreams: number
  readonly maxStreamsPerToken: number
  /** Paging from Slack (`POST /slack/commands`); absent without `--slack-signing-secret-file`. */
  readonly slack?: SlackOptions
}

/** A guessable secret would let anyone inject alerts into every responder's desktop. */
export const MIN_SECRET_LENGTH = 16
export const DEFAULT_RETENTION_MAX_BYTES = 1024 ** 3
/** Room for a few maximal (1 MiB) webhooks plus the indexes. */
const MIN_RETENTION_MAX_BYTES = 16 * 1024 ** 2
export const DEFAULT_MAX_STREAMS = 256
export const DEFAULT_MAX_STREAMS_PER_TOKEN = 8
const int = (flag: string, min: number, max: number): z.ZodType<number> =>
  z
    .string({ error: `${flag} is required` })
    .regex(/^\d+$/, `${flag} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${flag} must be at least ${min}`)
        .max(max, `${flag} must be at most ${max}`),
    )

const serveSchema = z.object({
  port: int('--port', 0, 65535),
  host: z.string().min(1, '--host must not be empty').default('127.0.0.1'),
  data: z.string().min(1, '--data must not be empty').optional(),
  store: z.string().optional(),
  'store-password-file': z.string().optional(),
  'accept-volatile-store': z.boolean().default(false),
  'webhook-secret-file': z.string({ error: '--webhook-secret-file <file> is required' }),
  // The contract promises desktops at least 72 hours to catch up after sleep.
  'retention-hours': int('--retention-hours', 72, 24 * 365).default(72),
  'retention-max-bytes': int('--retention-max-bytes', MIN_RETENTION_MAX_BYTES, 2 ** 50).default(
    DEFAULT_RETENTION_MAX_BYTES,
  ),
  'heartbeat-seconds': int('--heartbeat-seconds', 1, 15).default(15),
  'max-streams': int('--max-streams', 1, 10_000).default(DEFAULT_MAX_STREAMS),
  'max-streams-per-token': int('--max-streams-per-token', 1, 1000).default(
    DEFAULT_MAX_STREAMS_PER_TOKEN,
  ),
})

export function parseServeArgs(args: readonly string[]): ServeConfig {
  const values = parseFlags(args, [
    'port',
    'host',
    'data',
    'webhook-secret-file',
    'retention-hours',
    'retention-max-bytes',
    'heartbeat-seconds',
    'max-streams',
    'max-streams-per-token',
    ...STORE_FLAGS,
    ...SLACK_FLAGS,
  ])
  const result = serveSchema.safeParse(values)
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => i.message).join('; '))
  const c = result.data
  const where = storeOf(c)
  if (c['accept-volatile-store'] && where.redis === undefined)
    throw new ConfigError('--accept-volatile-store applies to --store redis://... only')
  return {
    port: c.port,
    host: c.host,
    ...where,
    ...(where.redis === undefined
      ? {}
      : { redis: { ...where.redis, acceptVolatileStore: c['accept-volatile-store'] } }),
    webhookSecret: readSecret(c['webhook-secret-file']),
    retentionMs: c['retention-hours'] * 3600_000,
    retentionMaxBytes: c['retention-max-bytes'],
    heartbeatMs: c['heartbeat-seconds'] * 1000,
    maxStreams: c['max-streams'],
    maxStreamsPerToken: c['max-streams-per-token'],
    ...slackOf(values),
  }
}

function slackOf(values: Record<string, string | boolean | undefined>): { slack?: SlackOptions } {
  try {
    const slack = parseSlackFlags(values, readSecretFile)
    return slack === undefined ? {} : { slack }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError((error as Error).message)
  }
}

export function parseTokenArgs(
  args: readonly string[],
  needName: boolean,
): { dataDir?: string; redis?: RedisStoreConfig; name: string } {
  const flags = ['data', 'store', 'store-password-file']
  const values = parseFlags(args, needName ? [...flags, 'name'] : flags)
  if (needName && values['name'] === undefined) throw new ConfigError('--name <device> is required')
  const name = typeof values['name'] === 'string' ? values['name'] : ''
  return { ...storeOf(values), name }
}

const STORE_FLAGS = ['store', 'store-password-file', 'accept-volatile-store'] as const
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  'accept-volatile-store',
  ...SLACK_BOOLEAN_FLAGS,
])

/** `--data <dir>` (SQLite, the default) or `--store redis://...`: exactly one of them. */
function storeOf(values: {
  readonly data?: string | boolean | undefined
  readonly store?: string | boolean | undefined
  readonly 'store-password-file'?: string | boolean | undefined
}): {
  dataDir?: string
  redis?: RedisStoreConfig
} {
  const data = values['data']
  const store = values['store']
  const passwordFile = values['store-password-file']
  if (typeof data === 'string' && typeof store === 'string')
    throw new ConfigError('give either --data <dir> or --store redis://..., not both')
  if (typeof store !== 'string') {
    if (typeof data !== 'string')
      throw new ConfigError('--data <dir> is required (or --store redis://host:port[/db])')
    if (passwordFile !== undefined)
      throw new ConfigError('--store-password-file applies to --store redis://... only')
    checkDataDir(data)
    return { dataDir: data }
  }
  const url = parseRedisUrl(store)
  if (typeof passwordFile !== 'string') return { redis: { url } }
  return { redis: { url, password: readSecretFile(passwordFile, '--store-password-file', 1) } }
}

/**
 * `redis://host:port[/db]` or `rediss://` (TLS). A password in the URL would show in `ps` and
 * in process listings, so it is refused; it comes from `--store-password-file` instead.
 */
export function parseRedisUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(`--store ${text} is not a URL; use redis://host:port[/db]`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new ConfigError(`--store must be a redis:// or rediss:// URL, not ${url.protocol}`)
  if (url.hostname === '') throw new ConfigError('--store needs a host: redis://host:port[/db]')
  if (url.username !== '' || url.password !== '')
    throw new ConfigError(
      '--store must not carry credentials (they would show in process listings); use --store-password-file',
    )
  if (!/^(\/(\d{1,2})?)?$/.test(url.pathname) || url.search !== '' || url.hash !== '')
    throw new ConfigError(`--store ${text}: after host:port only /<db number> may follow`)
  return url.toString()
}

function parseFlags(
  args: readonly string[],
  names: readonly string[],
): Record<string, string | boolean | undefined> {
  const options = Object.fromEntries(
    names.map((n) => [
      n,
      { type: BOOLEAN_FLAGS.has(n) ? ('boolean' as const) : ('string' as const) },
    ]),
  )
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false })
      .values as Record<string, string | boolean>
  } catch (error) {
    throw new ConfigError(
      `${(error as Error).message} (accepted: ${names.map((n) => `--${n}`).join(', ')})`,
    )
  }
}

function checkDataDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new ConfigError(`--data ${dir} exists and is not a folder`)
}

/** The secret is the file's content without its trailing newline. */
function readSecret(file: string): string {
  return readSecretFile(file, '--webhook-secret-file', MIN_SECRET_LENGTH)
}

function readSecretFile(file: string, flag: string, minLength: number): string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(
      `cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  const secret = text.replace(/\r?\n$/, '')
  if (secret.length < minLength) {
    throw new ConfigError(
      minLength === MIN_SECRET_LENGTH
        ? `the webhook secret in ${file} has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (e.g. openssl rand -hex 32)`
        : `${flag} ${file} is empty`,
    )
  }
  if (/[\r\n]/.test(secret)) throw new ConfigError(`the secret in ${file} must be a single line`)
  return secret
}
