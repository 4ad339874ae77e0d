import { z } from 'zod'
import {
  DEFAULT_PRIORITY,
  Priority,
  Severity,
  severityToPriority,
} from '../../shared/domain/severity.js'

/** The fields of Slack's slash-command form post the relay uses (Slack sends a few more). */
export const SlashCommandForm = z.object({
  team_id: z.string({ error: 'team_id is required' }).min(1, 'team_id is required'),
  team_domain: z.string().default(''),
  channel_id: z.string({ error: 'channel_id is required' }).min(1, 'channel_id is required'),
  channel_name: z.string().default(''),
  user_id: z.string({ error: 'user_id is required' }).min(1, 'user_id is required'),
  user_name: z.string().default(''),
  command: z.string().default('/ondeck'),
  text: z.string().max(4000, 'text must be at most 4000 characters').default(''),
  response_url: z.string({ error: 'response_url is required' }).min(1, 'response_url is required'),
  // Unique per invocation and repeated by a retry: the page's alias is derived from it.
  trigger_id: z.string({ error: 'trigger_id is required' }).min(1, 'trigger_id is required'),
})
export type SlashCommandForm = z.infer<typeof SlashCommandForm>

export const TARGET_KINDS = ['team', 'schedule', 'escalation', 'user'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

/** A name as typed; `kind` when the responder wrote `team:platform`. */
export interface TargetName {
  readonly name: string
  readonly kind?: TargetKind
}

export type SlackCommand =
  | {
      readonly kind: 'page'
      readonly target: TargetName
      readonly message: string
      readonly priority: Priority
    }
  | { readonly kind: 'oncall'; readonly target: TargetName }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly reason: string }

/** Slack escapes `&`, `<` and `>` in command text; the alert should say what the responder typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** `verb`, then a name ("double quotes" keep one with spaces together), then the rest as typed. */
const SHAPE = /^(\S+)(?:\s+((?:[a-z]+:)?"[^"]*"|\S+))?(?:\s+([\s\S]*))?$/i

function targetOf(word: string): TargetName {
  const unquote = (text: string): string => text.replace(/^"(.*)"$/, '$1')
  const typed = /^(team|schedule|escalation|user):(.+)$/i.exec(word)
  if (typed === null) return { name: unquote(word) }
  return { kind: typed[1]?.toLowerCase() as TargetKind, name: unquote(typed[2] ?? '') }
}

/**
 * The last word may be a priority (P1..P5) or one of our severity words (Critical..Informational),
 * mapped to a priority exactly as the desktop maps it (src/shared/domain/severity).
 */
function priorityOf(word: string | undefined): Priority | undefined {
  if (word === undefined) return undefined
  const asPriority = Priority.safeParse(word.toUpperCase())
  if (asPriority.success) return asPriority.data
  const title = `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`
  const asSeverity = Severity.safeParse(title)
  return asSeverity.success ? severityToPriority(asSeverity.data) : undefined
}

export function parseCommandText(raw: string): SlackCommand {
  const text = unescapeSlack(raw).trim()
  const [, verb, who, rest = ''] = SHAPE.exec(text) ?? []
  switch (verb?.toLowerCase()) {
    case undefined:
    case 'help':
      return { kind: 'help' }
    case 'oncall':
    case 'on-call': {
      if (who === undefined)
        return { kind: 'invalid', reason: 'say whose on-call: `oncall <team or schedule>`' }
      return { kind: 'oncall', target: targetOf(`${who} ${rest}`.trim()) }
    }
    case 'page': {
      const target = who === undefined ? undefined : targetOf(who)
      const tail = rest.trim().split(/\s+/)
      const priority = tail.length > 1 ? priorityOf(tail[tail.length - 1]) : undefined
      const message = (priority === undefined ? rest : rest.trim().replace(/\s+\S+$/, '')).trim()
      if (target === undefined || target.name.trim() === '' || message === '')
        return {
          kind: 'invalid',
          reason: 'say whom and why: `page <team|schedule|escalation|user> <message> [P1..P5]`',
        }
      return { kind: 'page', target, message, priority: priority ?? DEFAULT_PRIORITY }
    }
    default:
      return { kind: 'invalid', reason: `unknown command "${verb}"` }
  }
}
