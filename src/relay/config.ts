import { existsSync, readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'

/** A problem with how the relay was invoked; the CLI prints the message and exits 2. */
export class ConfigError extends Error {}

export interface ServeConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly webhookSecret: string
  readonly retentionMs: number
  readonly retentionMaxBytes: number
  readonly heartbeatMs: number
  readonly maxStreams: number
  readonly maxStreamsPerToken: number
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
  data: z.string({ error: '--data <dir> is required' }).min(1, '--data must not be empty'),
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
  ])
  const result = serveSchema.safeParse(values)
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => i.message).join('; '))
  const c = result.data
  checkDataDir(c.data)
  return {
    port: c.port,
    host: c.host,
    dataDir: c.data,
    webhookSecret: readSecret(c['webhook-secret-file']),
    retentionMs: c['retention-hours'] * 3600_000,
    retentionMaxBytes: c['retention-max-bytes'],
    heartbeatMs: c['heartbeat-seconds'] * 1000,
    maxStreams: c['max-streams'],
    maxStreamsPerToken: c['max-streams-per-token'],
  }
}

export function parseTokenArgs(
  args: readonly string[],
  needName: boolean,
): { dataDir: string; name: string } {
  const values = parseFlags(args, needName ? ['data', 'name'] : ['data'])
  if (values['data'] === undefined) throw new ConfigError('--data <dir> is required')
  if (needName && values['name'] === undefined) throw new ConfigError('--name <device> is required')
  checkDataDir(values['data'])
  return { dataDir: values['data'], name: values['name'] ?? '' }
}

function parseFlags(
  args: readonly string[],
  names: readonly string[],
): Record<string, string | undefined> {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]))
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false })
      .values as Record<string, string>
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
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(
      `cannot read --webhook-secret-file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  const secret = text.replace(/\r?\n$/, '')
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `the webhook secret in ${file} has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (e.g. openssl rand -hex 32)`,
    )
  }
  if (/[\r\n]/.test(secret))
    throw new ConfigError(`the webhook secret in ${file} must be a single line`)
  return secret
}
