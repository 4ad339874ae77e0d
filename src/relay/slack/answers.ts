import { priorityToSeverity, type Priority } from '../../shared/domain/severity.js'
import type { Resolution, Target } from './directory.js'
import type { OpsgenieFailure } from './opsgenie.js'

/** Slack reads `&`, `<` and `>` as markup; whatever a responder or Opsgenie wrote is escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export const HELP = [
  '*/ondeck* pages through Opsgenie:',
  '• `/ondeck page <team|schedule|escalation|user> <message> [P1..P5]`, e.g. `/ondeck page platform Checkout is down P1` (a severity word works too: critical, high, medium, low, informational; default P3)',
  '• `/ondeck page team:"Payments Team" ...` when a name has spaces or matches more than one kind',
  '• `/ondeck oncall <team or schedule>`: who is on call now and next',
  '• `/ondeck help`',
].join('\n')

export const NOT_CONFIGURED =
  'Paging from Slack is not configured on this Ondeck relay (it has no Opsgenie key: see `--opsgenie-key-file` in docs/relay.md). Page from Opsgenie directly.'

export function label(t: Target): string {
  return `${t.kind} *${escapeSlack(t.name)}*`
}

export function priorityLabel(p: Priority): string {
  return `${p} (${priorityToSeverity(p)})`
}

/** The answer for a name that did not pick exactly one target. */
export function unresolved(
  typed: string,
  r: Exclude<Resolution, { status: 'found' }>,
  what: string,
): string {
  const name = `"${escapeSlack(typed)}"`
  if (r.status === 'ambiguous') {
    const options = r.matches.map((t) => `\`${t.kind}:${escapeSlack(t.name)}\``).join(', ')
    return `${name} matches more than one ${what}: ${r.matches.map(label).join(', ')}. Nothing was paged; say which, e.g. ${options}.`
  }
  const close = r.close.length === 0 ? '' : ` Close matches: ${r.close.map(label).join(', ')}.`
  return `No ${what} is named ${name}.${close} Nothing was paged.`
}

/**
 * What went wrong, said so a responder knows whether anyone was paged. `mayHaveSent` is false when
 * the request provably changed nothing, true when it may have (a lost answer, a 5xx).
 */
export function failureAnswer(
  failure: OpsgenieFailure,
  doing: string,
  mayHaveSent: boolean,
): string {
  switch (failure.kind) {
    case 'throttled': {
      const wait = failure.periodSeconds === 1 ? 'a second' : 'about a minute'
      return `:warning: Not ${doing}: Opsgenie is rate-limiting this account (HTTP 429). Nothing was created. Try again in ${wait}, or page from Opsgenie directly.`
    }
    case 'server':
    case 'timeout':
    case 'network':
    case 'unexpected': {
      const said = `Opsgenie did not answer properly (${escapeSlack(failure.message)})`
      return mayHaveSent
        ? `:warning: Not sure the page went out: ${said}. Check Opsgenie before paging again, or page from Opsgenie directly.`
        : `:warning: Not ${doing}: ${said}. Page from Opsgenie directly, or try again.`
    }
    case 'bad-key':
    case 'wrong-key':
    case 'plan':
      return `:warning: Not ${doing}: Opsgenie refused the relay's key (${escapeSlack(failure.message)}). Tell whoever runs the relay; page from Opsgenie directly meanwhile.`
    case 'invalid':
    case 'not-found':
      return `:warning: Not ${doing}: Opsgenie refused the request (${escapeSlack(failure.message)}).`
  }
}
