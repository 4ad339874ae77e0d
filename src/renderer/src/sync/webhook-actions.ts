import type { ActivityKind } from '../../../shared/domain'
import { assertNever } from '../../../shared/assert-never'

/**
 * Opsgenie's alert actions (API-NOTES §7.3) and what each becomes on the timeline. Any other name
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
