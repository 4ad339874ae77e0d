import { parseArgs } from 'node:util'
import { resolveHost } from '../provider/opsgenie'

export interface DoctorArgs {
  readonly host: string
  readonly apiKeyFile: string
  readonly write: boolean
  readonly timeoutMs?: number
}

export const USAGE =
  'usage: npm run doctor -- --host us|eu|<base-url> --api-key-file <path> [--write] [--timeout-ms <n>]'

/** Thrown for bad command lines; the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  let values: { host?: string; 'api-key-file'?: string; write?: boolean; 'timeout-ms'?: string }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string' },
        'api-key-file': { type: 'string' },
        write: { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.host === undefined || values.host.trim() === '')
    throw new UsageError('--host is required')
  try {
    resolveHost(values.host)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values['api-key-file'] === undefined || values['api-key-file'].trim() === '')
    throw new UsageError('--api-key-file is required')
  let timeoutMs: number | undefined
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms'])
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
      throw new UsageError(`--timeout-ms must be a positive integer, got "${values['timeout-ms']}"`)
  }
  return {
    host: values.host,
    apiKeyFile: values['api-key-file'],
    write: values.write ?? false,
    timeoutMs,
  }
}
