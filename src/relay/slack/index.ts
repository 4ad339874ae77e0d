import { ConfigError } from '../config.js'
import { Directory } from './directory.js'
import { SlackCommandHandler } from './handler.js'
import { checkRelayKey, type KeyVerdict } from './key-check.js'
import { createRelayOpsgenie } from './opsgenie.js'

export { slackSignature } from './signature.js'
export { pageAlias } from './pager.js'
export { SlackCommandHandler } from './handler.js'

export interface SlackOptions {
  /** Slack app's signing secret (Basic Information > App Credentials). */
  readonly signingSecret: string
  /** Without it, `/ondeck` answers that paging is not configured. */
  readonly opsgenie?: {
    /** `us`, `eu` or a base URL (https, or http to loopback only). */
    readonly host: string
    readonly apiKey: string
    /** Accept a key with Delete Access (see `key-check.ts`). */
    readonly allowBroadKey?: boolean
    readonly timeoutMs?: number
  }
  /** Default 2500 ms, inside Slack's three seconds. */
  readonly replyWithinMs?: number
  /** Tests only: follow-ups may go to http://127.0.0.1 as well as https://hooks.slack.com. */
  readonly allowLoopbackResponseUrl?: boolean
}

export interface SlackCommands {
  readonly handler: SlackCommandHandler
  close(): void
}

/**
 * Checks the Opsgenie key before the relay listens: a key Opsgenie rejects or one with rights the
 * relay refuses stops the start (ConfigError, exit 2). When Opsgenie cannot be asked (down,
 * throttled, unreachable), the relay starts anyway, since webhooks must keep flowing, and checks
 * again before the next command, which meanwhile says why it cannot page.
 */
export async function startSlackCommands(
  options: SlackOptions,
  now: () => number,
): Promise<SlackCommands> {
  const base = {
    signingSecret: options.signingSecret,
    replyWithinMs: options.replyWithinMs ?? 2500,
    allowLoopbackResponseUrl: options.allowLoopbackResponseUrl ?? false,
    now,
  }
  if (options.opsgenie === undefined)
    return { handler: new SlackCommandHandler(base), close: () => undefined }
  let opsgenie
  try {
    opsgenie = createRelayOpsgenie(options.opsgenie)
  } catch (error) {
    throw new ConfigError(`--opsgenie-host: ${(error as Error).message}`)
  }
  const allowBroad = options.opsgenie.allowBroadKey ?? false
  if (!(await opsgenie.learnLimits()))
    console.warn(
      "relay: could not read the Opsgenie account's request limits; using cautious defaults",
    )
  let verdict: KeyVerdict = await checkRelayKey(opsgenie, allowBroad)
  if (verdict.status === 'refused') {
    opsgenie.dispose()
    throw new ConfigError(verdict.reason)
  }
  if (verdict.status === 'unknown')
    console.warn(`relay: ${verdict.reason}; Slack paging waits until it can`)
  if (verdict.status === 'ok' && verdict.broad)
    console.warn(
      'relay: the Opsgenie key has Delete Access (accepted with --allow-broad-opsgenie-key)',
    )
  let checking: Promise<KeyVerdict> | undefined
  const ready = async (): Promise<string | undefined> => {
    if (verdict.status === 'unknown') {
      checking ??= checkRelayKey(opsgenie, allowBroad).finally(() => (checking = undefined))
      verdict = await checking
      if (verdict.status === 'ok') await opsgenie.learnLimits()
    }
    if (verdict.status === 'ok') return undefined
    return verdict.status === 'refused'
      ? `Paging is disabled: ${verdict.reason}`
      : `Paging is unavailable for now: ${verdict.reason}. Page from Opsgenie directly.`
  }
  const handler = new SlackCommandHandler({
    ...base,
    paging: { opsgenie, directory: new Directory(opsgenie, now), ready },
  })
  return { handler, close: () => opsgenie.dispose() }
}
