import { createHash } from 'node:crypto'
import { escapeSlack, failureAnswer, HELP, label, priorityLabel, unresolved } from './answers.js'
import type { SlackCommand, SlashCommandForm, TargetName } from './command.js'
import { TARGET_KINDS } from './command.js'
import type { Directory } from './directory.js'
import { isOpsgenieError, type OpsgenieFailure, type RelayOpsgenie } from './opsgenie.js'

/** Opsgenie's limit on an alert message; the whole text also goes into the description. */
const MESSAGE_MAX = 130
/** How long the relay follows the create to Opsgenie's "Created alert" before saying "accepted". */
const CONFIRM_MS = 10_000

export interface PagerDeps {
  readonly opsgenie: RelayOpsgenie
  readonly directory: Directory
}

/**
 * The alias every page from one Slack invocation shares. Slack repeats `trigger_id` when it
 * retries, so a retry (or a replayed request) lands on the same open alert, which Opsgenie
 * de-duplicates by alias instead of paging again.
 */
export function pageAlias(form: Pick<SlashCommandForm, 'team_id' | 'trigger_id'>): string {
  const digest = createHash('sha256').update(`${form.team_id}\n${form.trigger_id}`).digest('hex')
  return `ondeck-slack-${digest.slice(0, 40)}`
}

/** The commands that need no Opsgenie: help, and the answer to a command that did not parse. */
export function localAnswer(command: Extract<SlackCommand, { kind: 'help' | 'invalid' }>): string {
  return command.kind === 'help' ? HELP : `${escapeSlack(command.reason)}\n\n${HELP}`
}

/** Runs one command to its answer text; never throws for an Opsgenie failure. */
export async function runCommand(
  command: Extract<SlackCommand, { kind: 'page' | 'oncall' }>,
  form: SlashCommandForm,
  deps: PagerDeps,
): Promise<string> {
  switch (command.kind) {
    case 'oncall':
      return guarded('looked up', () => onCall(command.target, deps))
    case 'page':
      return page(command, form, deps)
  }
}

async function guarded(doing: string, work: () => Promise<string>): Promise<string> {
  try {
    return await work()
  } catch (error) {
    if (isOpsgenieError(error)) return failureAnswer(error.failure, doing, false)
    throw error
  }
}

async function onCall(target: TargetName, deps: PagerDeps): Promise<string> {
  const found = await deps.directory.resolve(target, ['team', 'schedule'])
  if (found.status !== 'found') return unresolved(target.name, found, 'team or schedule')
  const schedules = found.target.schedules ?? []
  if (schedules.length === 0) return `${label(found.target)} owns no on-call schedule.`
  const lines = [`On call for ${label(found.target)}:`]
  for (const s of schedules.slice(0, 5)) {
    const now = await deps.opsgenie.onCallNow(s.id)
    const next = await deps.opsgenie.onCallNext(s.id)
    const names = (list: readonly string[]): string =>
      list.length === 0 ? 'nobody' : list.map(escapeSlack).join(', ')
    lines.push(
      `• *${escapeSlack(s.name)}*: now ${names(now.onCallRecipients)}; next ${names(next)}`,
    )
  }
  return lines.join('\n')
}

async function page(
  command: Extract<SlackCommand, { kind: 'page' }>,
  form: SlashCommandForm,
  deps: PagerDeps,
): Promise<string> {
  let found
  try {
    found = await deps.directory.resolve(command.target, TARGET_KINDS)
  } catch (error) {
    if (isOpsgenieError(error)) return failureAnswer(error.failure, 'paged', false)
    throw error
  }
  if (found.status !== 'found')
    return unresolved(command.target.name, found, 'team, schedule, escalation or user')
  const target = found.target
  const who = `@${form.user_name || form.user_id}`
  const where = form.channel_name ? `#${form.channel_name}` : form.channel_id
  const message =
    command.message.length > MESSAGE_MAX
      ? `${command.message.slice(0, MESSAGE_MAX - 1)}…`
      : command.message
  let requestId: string
  try {
    requestId = await createOnce(deps.opsgenie, {
      message,
      alias: pageAlias(form),
      description: command.message,
      responders: [{ type: target.kind, id: target.id }],
      priority: command.priority,
      source: 'Slack (Ondeck relay)',
      user: `${who} via Slack`.slice(0, 100),
      tags: ['slack', 'ondeck-relay'],
      note: `Paged from Slack by ${who} (${form.user_id}) in ${where} (${form.channel_id}), workspace ${form.team_domain || form.team_id} (${form.team_id}).`,
      details: {
        'slack.user_id': form.user_id,
        'slack.user_name': form.user_name,
        'slack.channel_id': form.channel_id,
        'slack.channel_name': form.channel_name,
        'slack.team_id': form.team_id,
        'slack.team_domain': form.team_domain,
      },
    })
  } catch (error) {
    if (!isOpsgenieError(error)) throw error
    return failureAnswer(error.failure, 'paged', mayHaveReached(error.failure))
  }
  const paged = `${label(target)} with ${priorityLabel(command.priority)}: "${escapeSlack(message)}"`
  try {
    const status = await deps.opsgenie.confirm(requestId, CONFIRM_MS)
    if (status === 'pending')
      return `:hourglass: Opsgenie accepted the page for ${paged} but has not processed it yet (request ${requestId}).`
    if (!status.isSuccess)
      return `:warning: Opsgenie did not page ${label(target)}: ${escapeSlack(status.status)} (request ${requestId}).`
    return `:rotating_light: Paged ${paged}.`
  } catch (error) {
    if (!isOpsgenieError(error)) throw error
    return `:hourglass: Opsgenie accepted the page for ${paged} (request ${requestId}); the relay could not confirm it: ${escapeSlack(error.failure.message)}`
  }
}

/** Only a refused connection proves the create never reached Opsgenie; a lost answer does not. */
function mayHaveReached(failure: OpsgenieFailure): boolean {
  if (failure.kind === 'network') return failure.code !== 'ECONNREFUSED'
  return failure.kind === 'server' || failure.kind === 'timeout' || failure.kind === 'unexpected'
}

/**
 * One retry for an answer that was lost (5xx, timeout): the alias makes the create idempotent
 * while the alert is open, so resending cannot page twice. A 429 is not retried here: the
 * responder hears about it at once instead of waiting out the throttle in silence.
 */
async function createOnce(
  opsgenie: RelayOpsgenie,
  input: Parameters<RelayOpsgenie['createAlert']>[0],
): Promise<string> {
  try {
    return await opsgenie.createAlert(input)
  } catch (error) {
    const retry =
      isOpsgenieError(error) && ['server', 'timeout', 'network'].includes(error.failure.kind)
    if (!retry) throw error
    return opsgenie.createAlert(input)
  }
}
