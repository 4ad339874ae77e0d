import { checkEndpointText } from '../../shared/secure-endpoint.js'
import type { SlackOptions } from './index.js'

/** The `relay serve` flags of Slack paging; `allow-broad-opsgenie-key` is the only boolean. */
export const SLACK_FLAGS = [
  'slack-signing-secret-file',
  'opsgenie-key-file',
  'opsgenie-host',
  'allow-broad-opsgenie-key',
] as const
export const SLACK_BOOLEAN_FLAGS = ['allow-broad-opsgenie-key'] as const

/** Slack's signing secrets are 32 hex characters; anything much shorter is a copying mistake. */
const MIN_SIGNING_SECRET = 16

type Values = Readonly<Record<string, string | boolean | undefined>>
type ReadSecret = (file: string, flag: string, minLength: number) => string

/**
 * Slack paging's part of the serve configuration. Errors are plain `Error`s whose message names
 * the flag; `config.ts` turns them into its `ConfigError` (exit 2).
 */
export function parseSlackFlags(values: Values, readSecret: ReadSecret): SlackOptions | undefined {
  const secretFile = values['slack-signing-secret-file']
  const keyFile = values['opsgenie-key-file']
  const host = values['opsgenie-host']
  const allowBroad = values['allow-broad-opsgenie-key'] === true
  if (typeof secretFile !== 'string') {
    if (keyFile !== undefined || host !== undefined || allowBroad)
      throw new Error(
        '--opsgenie-key-file, --opsgenie-host and --allow-broad-opsgenie-key are for paging from Slack: give --slack-signing-secret-file too',
      )
    return undefined
  }
  const signingSecret = readSecret(secretFile, '--slack-signing-secret-file', 1)
  if (signingSecret.length < MIN_SIGNING_SECRET)
    throw new Error(
      `the Slack signing secret in ${secretFile} has ${signingSecret.length} characters; copy the whole "Signing Secret" from the Slack app's Basic Information page`,
    )
  if (typeof keyFile !== 'string') {
    if (host !== undefined || allowBroad)
      throw new Error('--opsgenie-host and --allow-broad-opsgenie-key need --opsgenie-key-file')
    return { signingSecret }
  }
  const where = typeof host === 'string' ? host.trim() : 'us'
  if (where !== 'us' && where !== 'eu') {
    const insecure = checkEndpointText(where, 'Opsgenie host')
    if (insecure !== undefined)
      throw new Error(`--opsgenie-host ${where}: ${insecure} (or use us or eu)`)
  }
  const apiKey = readSecret(keyFile, '--opsgenie-key-file', 1).trim()
  return { signingSecret, opsgenie: { host: where, apiKey, allowBroadKey: allowBroad } }
}
