import type { z } from 'zod'
import { requests, type RequestInput } from '../../../shared/ipc/contract'

/**
 * A command is a responder's intent, named by the IPC channel that carries it, with that
 * channel's input minus the workspace (the outbox adds it and the replay priority at send time).
 */
export const COMMAND_KINDS = [
  'alerts:acknowledge',
  'alerts:unacknowledge',
  'alerts:close',
  'alerts:addNote',
  'alerts:assign',
  'alerts:addResponder',
  'alerts:escalate',
  'alerts:snooze',
  'alerts:setPriority',
  'alerts:create',
  'incidents:create',
  'incidents:resolve',
  'incidents:close',
  'incidents:reopen',
  'incidents:addNote',
  'incidents:addResponders',
  'incidents:setPriority',
  'incidents:updateDescription',
] as const
export type CommandKind = (typeof COMMAND_KINDS)[number]

export type CommandInput<K extends CommandKind> = Omit<
  RequestInput<K>,
  'workspaceId' | 'requestPriority'
>
/** What a caller hands `enqueue`: a kind and its input, checked against the contract. */
export type CommandSpec = { [K in CommandKind]: { kind: K; input: CommandInput<K> } }[CommandKind]

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
  switch (spec.kind) {
    case 'alerts:create':
      return `alert:alias:${spec.input.alias ?? createAlias(commandId)}`
    case 'incidents:create':
      return `incident:cmd:${commandId}`
    case 'incidents:resolve':
    case 'incidents:close':
    case 'incidents:reopen':
    case 'incidents:addNote':
    case 'incidents:addResponders':
    case 'incidents:setPriority':
    case 'incidents:updateDescription': {
      const creator = createdByCommand(spec.input.incidentId)
      return creator !== undefined
        ? `incident:cmd:${creator}`
        : `incident:id:${spec.input.incidentId}`
    }
    default:
      return `alert:${spec.input.by === 'alias' ? 'alias' : 'id'}:${spec.input.alertId}`
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
