import { readFile } from 'node:fs/promises'
import { parseDoctorArgs, USAGE, UsageError } from './args'
import { runDoctor } from './run-doctor'
import { JSM_USAGE, parseJsmDoctorArgs, providerOf } from './jsm-args'
import { runJsmDoctor } from './jsm-doctor'

/** Thin shell around `runDoctor`: arguments, the key file, exit codes (0 ok, 1 failed, 2 usage). */
async function main(argv: readonly string[]): Promise<number> {
  const provider = providerOf(argv)
  if (provider === 'jsm') return mainJsm(argv)
  if (provider !== 'opsgenie') {
    process.stderr.write(
      `doctor: --provider must be opsgenie or jsm, got "${provider}"\n${USAGE}\n${JSM_USAGE}\n`,
    )
    return 2
  }
  let args
  try {
    args = parseDoctorArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`doctor: ${error.message}\n${USAGE}\n`)
    return 2
  }
  let apiKey: string
  try {
    apiKey = (await readFile(args.apiKeyFile, 'utf8')).trim()
  } catch (error) {
    process.stderr.write(
      `doctor: cannot read the API key file ${args.apiKeyFile}: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 2
  }
  if (apiKey === '') {
    process.stderr.write(`doctor: the API key file ${args.apiKeyFile} is empty\n`)
    return 2
  }
  const result = await runDoctor(
    { host: args.host, apiKey, write: args.write, timeoutMs: args.timeoutMs },
    (text) => {
      process.stdout.write(`${text}\n`)
    },
  )
  return result.ok ? 0 : 1
}

/** `--provider jsm`: the site, e-mail and API token file instead of a host and API key. */
async function mainJsm(argv: readonly string[]): Promise<number> {
  let args
  try {
    args = parseJsmDoctorArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`doctor: ${error.message}\n${JSM_USAGE}\n`)
    return 2
  }
  let apiToken: string
  try {
    apiToken = (await readFile(args.apiTokenFile, 'utf8')).trim()
  } catch (error) {
    process.stderr.write(
      `doctor: cannot read the API token file ${args.apiTokenFile}: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 2
  }
  if (apiToken === '') {
    process.stderr.write(`doctor: the API token file ${args.apiTokenFile} is empty\n`)
    return 2
  }
  const result = await runJsmDoctor({ ...args, apiToken }, (text) => {
    process.stdout.write(`${text}\n`)
  })
  return result.ok ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
