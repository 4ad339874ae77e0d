import { z } from 'zod'
import { assertNever } from '../../../../shared/assert-never'
import {
  parsePriority,
  type ActivityKind,
  type AlertEffect,
  type ResponderRef,
  type TagChange,
} from '../../../../shared/domain'

/**
 * Opsgenie's alert actions (API-NOTES §7.3) and what each means in domain terms. Any other name
 * is a custom action (Opsgenie sends those under their own name); see `actionOf`.
 */
export const KNOWN_ACTIONS = [
  'Create',
  'Acknowledge',
  'UnAcknowledge',
  'AssignOwnership',
  'TakeOwnership',
  'AddNote',
  'AddTeam',
  'AddRecipient',
  'AddResponder',
  'AddTags',
  'RemoveTags',
  'Escalate',
  'Close',
  'Delete',
  'UpdatePriority',
  'UpdateMessage',
  'UpdateDescription',
  'Snooze',
] as const
export type KnownAction = (typeof KNOWN_ACTIONS)[number]

export function actionOf(name: string): KnownAction | 'custom' {
  return (KNOWN_ACTIONS as readonly string[]).includes(name) ? (name as KnownAction) : 'custom'
}

export function activityKindOf(action: KnownAction | 'custom'): ActivityKind {
  switch (action) {
    case 'Create':
      return 'created'
    case 'Acknowledge':
      return 'acknowledged'
    case 'UnAcknowledge':
      return 'unacknowledged'
    case 'AssignOwnership':
      return 'assigned'
    case 'TakeOwnership':
      return 'took-ownership'
    case 'AddNote':
      return 'note'
    case 'AddTeam':
      return 'team-added'
    case 'AddRecipient':
    case 'AddResponder':
      return 'responder-added'
    case 'AddTags':
      return 'tags-added'
    case 'RemoveTags':
      return 'tags-removed'
    case 'Escalate':
      return 'escalated'
    case 'Close':
      return 'closed'
    case 'Delete':
      return 'deleted'
    case 'UpdatePriority':
      return 'priority-changed'
    case 'Snooze':
      return 'snoozed'
    case 'UpdateMessage':
    case 'UpdateDescription':
    case 'custom':
      return 'custom-action'
    default:
      return assertNever(action)
  }
}

type Fields = Readonly<Record<string, unknown>>

/**
 * The state change an action makes beyond the fields every webhook repeats. Actions whose state
 * (priority, message, ...) travels in those common fields change nothing more here.
 */
export function effectOf(action: KnownAction | 'custom', a: Fields, actor?: string): AlertEffect {
  switch (action) {
    case 'Acknowledge':
      return { kind: 'acknowledged' }
    case 'UnAcknowledge':
      return { kind: 'unacknowledged' }
    case 'AssignOwnership': {
      const owner = stringOf(a['owner'])
      return owner === undefined ? { kind: 'none' } : { kind: 'owner', username: owner }
    }
    case 'TakeOwnership':
      return actor === undefined ? { kind: 'none' } : { kind: 'owner', username: actor }
    case 'Close':
      return { kind: 'closed' }
    case 'Delete':
      return { kind: 'deleted' }
    case 'Snooze': {
      const until = isoOf(stringOf(a['snoozedUntil']))
      return until === undefined ? { kind: 'snoozed' } : { kind: 'snoozed', until }
    }
    case 'Create':
    case 'AddNote':
    case 'AddTeam':
    case 'AddRecipient':
    case 'AddResponder':
    case 'AddTags':
    case 'RemoveTags':
    case 'Escalate':
    case 'UpdatePriority':
    case 'UpdateMessage':
    case 'UpdateDescription':
    case 'custom':
      return { kind: 'none' }
    default:
      return assertNever(action, 'action')
  }
}

/**
 * The tags after the event: AddTags/RemoveTags and most others carry the full list; old payloads
 * of AddTags/RemoveTags carry only the delta (`addedTags`/`removedTags`, comma-separated).
 */
export function tagChangeOf(action: KnownAction | 'custom', a: Fields): TagChange | undefined {
  if (Array.isArray(a['tags'])) return { kind: 'set', tags: stringsOf(a['tags']) }
  if (action !== 'AddTags' && action !== 'RemoveTags') return undefined
  const delta = (stringOf(a[action === 'AddTags' ? 'addedTags' : 'removedTags']) ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return { kind: action === 'AddTags' ? 'add' : 'remove', tags: delta }
}

/** Responders the event adds: the ones it lists, then AddTeam's team. */
export function addedRespondersOf(action: KnownAction | 'custom', a: Fields): ResponderRef[] {
  const listed = respondersOf(a['responders'])
  const team = action === 'AddTeam' ? stringOf(a['team']) : undefined
  return team === undefined ? listed : [...listed, { type: 'team', name: team }]
}

/** The timeline text of an action: the field that says what it did. */
export function textOf(action: KnownAction | 'custom', a: Fields): string | undefined {
  const fieldOf: Partial<Record<KnownAction | 'custom', string>> = {
    Create: 'message',
    AddNote: 'note',
    Close: 'note',
    AssignOwnership: 'owner',
    AddTeam: 'team',
    AddRecipient: 'recipient',
    AddTags: 'addedTags',
    RemoveTags: 'removedTags',
    UpdateMessage: 'message',
    UpdateDescription: 'description',
  }
  if (action === 'UpdatePriority') {
    const to = parsePriority(a['priority'])
    const from = parsePriority(a['oldPriority'])
    return to === undefined ? undefined : `${from ?? '?'} → ${to}`
  }
  const field = fieldOf[action]
  return field === undefined ? undefined : stringOf(a[field])
}

/** Escalate's own top-level fields: who escalated (the policy) and whom it notified. */
export function escalationOf(body: Fields): { by?: string; text?: string } {
  const by = stringOf(body['escalationName'])
  const notify = body['escalationNotify']
  const who =
    typeof notify === 'object' && notify !== null
      ? stringOf((notify as Record<string, unknown>)['name'])
      : undefined
  return {
    ...(by !== undefined ? { by } : {}),
    ...(who !== undefined ? { text: `notified ${who}` } : {}),
  }
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'] as const

function respondersOf(value: unknown): ResponderRef[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return []
    const o = r as Record<string, unknown>
    const type = RESPONDER_TYPES.find((t) => t === o['type'])
    const id = stringOf(o['id'])
    const name = stringOf(o['name'])
    if (type === undefined || (id === undefined && name === undefined)) return []
    return [{ type, ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) }]
  })
}

const IsoWithOffset = z.string().datetime({ offset: true })

/**
 * A time as the domain keeps it (ISO with an offset): Opsgenie's own text when it already is one,
 * otherwise any time `Date` can read, in UTC; undefined when it is no time at all.
 */
function isoOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  if (IsoWithOffset.safeParse(text).success) return text
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}
