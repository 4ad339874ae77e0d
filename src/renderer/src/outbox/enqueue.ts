import { addressed, rulesOf } from '../../../shared/commands/catalogue'
import { uuid } from '../../../shared/uuid'
import {
  createAlias,
  incidentMarkerTag,
  laneOf,
  noteMarker,
  parseCommand,
  type CommandSpec,
} from './commands'
import type { CommandOf } from './record'

const NOTE_LIMIT = 25_000

/**
 * Builds the row for a new command, adding what makes it effect-once: an alert create's alias,
 * an incident create's marker tag. Refuses input the channel would refuse, before it is queued.
 */
export function newCommand<S extends CommandSpec>(
  spec: S,
  workspaceId: string,
  now: number,
  random?: () => number,
): CommandOf<S['kind']> {
  // `random` only in tests that need repeatable ids
  const id = uuid(random)
  const input: Record<string, unknown> = { ...spec.input }
  const effect = rulesOf(spec.kind).effectOnce.strategy
  const a = addressed(spec)
  if (a.target === 'new-alert' && effect === 'alias')
    input['alias'] = a.input.alias ?? createAlias(id)
  if (a.target === 'new-incident' && effect === 'marker-tag')
    input['tags'] = [...(a.input.tags ?? []), incidentMarkerTag(id)]
  // the spec's own input with the effect-once fields added: still that kind's input
  const built = { kind: spec.kind, input } as CommandSpec
  const parsed = parseCommand(built, workspaceId)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TypeError(
      `cannot queue ${spec.kind}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}`,
    )
  }
  const note = 'note' in spec.input ? spec.input.note : undefined
  if (effect === 'note-marker' && typeof note === 'string') {
    if (note.length + noteMarker(id).length + 2 > NOTE_LIMIT) {
      throw new TypeError(
        `cannot queue ${spec.kind}: note is longer than ${NOTE_LIMIT - 60} characters`,
      )
    }
  }
  // `built` is `spec` with its effect-once fields, so the row is of the spec's kind
  return {
    ...built,
    id,
    workspaceId,
    lane: laneOf(built, id),
    createdAt: now,
    state: 'queued',
    nextAt: now,
    attempts: 0,
    maybeSent: false,
    updatedAt: now,
  } as CommandOf<S['kind']>
}
