import { parseArgs } from 'node:util'
import { JSM_DEFAULT_API_URL, checkJsmUrl } from '../provider/jsm'
import { UsageError } from './args'

export interface JsmDoctorArgs {
  readonly site: string
  readonly apiUrl: string
  readonly email: string
  readonly apiTokenFile: string
  readonly incidentProject?: string
  readonly write: boolean
  readonly timeoutMs?: number
}

export const JSM_USAGE =
  'usage: npm run doctor -- --provider jsm --site <url> [--api-url <url>] --email <e-mail> --api-token-file <path> [--incident-project KEY] [--write] [--timeout-ms <n>]'

/** `--provider` alone, so the CLI knows which parser reads the rest. */
export function providerOf(argv: readonly string[]): string {
  const at = argv.findIndex((a) => a === '--provider' || a.startsWith('--provider='))
  if (at < 0) return 'opsgenie'
  const arg = argv[at] ?? ''
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? '')
}

export function parseJsmDoctorArgs(argv: readonly string[]): JsmDoctorArgs {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        provider: { type: 'string' },
        site: { type: 'string' },
        'api-url': { type: 'string' },
        email: { type: 'string' },
        'api-token-file': { type: 'string' },
        'incident-project': { type: 'string' },
        write: { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const text = (name: string): string | undefined => {
    const v = values[name]
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
  }
  const site = text('site')
  if (site === undefined)
    throw new UsageError('--site is required (https://<your-site>.atlassian.net)')
  const apiUrl = text('api-url') ?? JSM_DEFAULT_API_URL
  for (const [url, what] of [
    [site, 'JSM site URL'],
    [apiUrl, 'JSM API URL'],
  ] as const) {
    const problem = checkJsmUrl(url, what)
    if (problem !== undefined) throw new UsageError(problem)
  }
  const email = text('email')
  if (email === undefined || !email.includes('@'))
    throw new UsageError('--email is required (the Atlassian account the token belongs to)')
  const apiTokenFile = text('api-token-file')
  if (apiTokenFile === undefined) throw new UsageError('--api-token-file is required')
  const project = text('incident-project')
  if (project !== undefined && !/^[A-Z][A-Z0-9_]{0,9}$/.test(project))
    throw new UsageError(`--incident-project must be a Jira project key like OPS, got "${project}"`)
  let timeoutMs: number | undefined
  const rawTimeout = text('timeout-ms')
  if (rawTimeout !== undefined) {
    timeoutMs = Number(rawTimeout)
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
      throw new UsageError(`--timeout-ms must be a positive integer, got "${rawTimeout}"`)
  }
  return {
    site,
    apiUrl,
    email,
    apiTokenFile,
    ...(project !== undefined ? { incidentProject: project } : {}),
    write: values.write === true,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  }
}
