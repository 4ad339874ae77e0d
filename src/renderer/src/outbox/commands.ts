import type { z } from 'zod'
import { assertNever } from '../../../shared/assert-never'
import { addressed, type CommandSpec } from '../../../shared/commands/catalogue'
import { requests } from '../../../shared/ipc/contract'

/**
 * A command is a responder's intent, one of the catalogue's kinds (named by the IPC channel that
 * carries it), with that channel's input minus the workspace (the outbox adds it and the replay
 * priority at send time).
 */
export {
  COMMAND_KINDS,
  type CommandInput,
  type CommandKind,
  type CommandSpec,
} from '../../../shared/commands/catalogue'

/** The alias a queued alert create carries, so a resend can never open a second alert. */
export const createAlias = (commandId: string): string => `ondeck-${commandId}`

/**
 * Incidents have no alias, so a queued incident create carries this tag and a lookup by tag
 * (`incidents:list tag:...`) tells whether an uncertain send took effect.
 */
export const incidentMarkerTag = (commandId: string): string => `ondeck-${commandId}`

/** Trailing marker on every note the outbox sends; looked for before a note is sent again. */
export const noteMarker = (commandId: string): string => `[ondeck:${commandId}]`
const NOTE_MARKER = /\s*\[ondeck:[0-9a-zA-Z-]+\]$/
export const stripNoteMarker = (note: string): string => note.replace(NOTE_MARKER, '')

/** An incident created by a command still in the outbox: its id is known once the create is confirmed. */
export const incidentCreatedBy = (commandId: string): string => `ondeck-command:${commandId}`
export const createdByCommand = (incidentId: string): string | undefined =>
  incidentId.startsWith('ondeck-command:') ? incidentId.slice('ondeck-command:'.length) : undefined

/**
 * The ordered lane a command runs in: one per target. An alert addressed by alias (including the
 * one a queued create will open) and an incident a queued create will open share their create's
 * lane, so they wait for it.
 */
export function laneOf(spec: CommandSpec, commandId: string): string {
  const a = addressed(spec)
  switch (a.target) {
    case 'new-alert':
      return `alert:alias:${a.input.alias ?? createAlias(commandId)}`
    case 'new-incident':
      return `incident:cmd:${commandId}`
    case 'incident': {
      const creator = createdByCommand(a.input.incidentId)
      return creator !== undefined ? `incident:cmd:${creator}` : `incident:id:${a.input.incidentId}`
    }
    case 'alert':
      return `alert:${a.input.by === 'alias' ? 'alias' : 'id'}:${a.input.alertId}`
    default:
      return assertNever(a, 'command target')
  }
}

/** Checks a command against the channel's own schema so a bad one is refused before it is queued. */
export function parseCommand(
  spec: CommandSpec,
  workspaceId: string,
): z.ZodSafeParseResult<unknown> {
  const schema = requests[spec.kind].input as z.ZodType
  return schema.safeParse({ ...spec.input, workspaceId })
}
