import { assertNever } from '../../../shared/assert-never'
import type { ResponderRef } from '../../../shared/domain'
import type { DirectoryRows } from '../db/directory-reads'

/** A name to show and, when it stands for an id the directory did not know, that id for hover. */
export interface ShownName {
  readonly text: string
  readonly unresolved?: string
}

/**
 * Turns the ids alerts carry (teams, responders, escalations, schedules, owners) into the names a
 * responder knows, through the cached directory. Opsgenie sends an id or a name depending on the
 * source, so a value is looked up as either. An id the directory does not know is never shown as
 * such: it reads "Unknown team" and keeps the id for the hover title (diagnostics, not reading).
 */
export interface DirectoryNames {
  team(idOrName: string): ShownName
  /** A username (Opsgenie's owner field) or user id: "Ada Lovelace" when the directory knows it. */
  user(usernameOrId: string): ShownName
  responder(ref: ResponderRef): ShownName
}

const UNKNOWN: Readonly<Record<ResponderRef['type'], string>> = {
  team: 'Unknown team',
  user: 'Unknown user',
  escalation: 'Unknown escalation',
  schedule: 'Unknown schedule',
}

/** A UUID or a long opaque token: text a person would not recognise as a name. */
export function looksLikeId(value: string): boolean {
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ||
    /^[0-9a-z_-]{20,}$/i.test(value)
  )
}

function named(value: string, type: ResponderRef['type'], found: string | undefined): ShownName {
  if (found !== undefined && found !== '') return { text: found }
  return looksLikeId(value) ? { text: UNKNOWN[type], unresolved: value } : { text: value }
}

export function directoryNames(dir: DirectoryRows | undefined): DirectoryNames {
  const teams = dir?.teams ?? []
  const users = dir?.users ?? []
  const byId = <R extends { id: string; name: string }>(
    rows: readonly R[],
    v: string,
  ): string | undefined => rows.find((r) => r.id === v || r.name === v)?.name
  const userName = (v: string): string | undefined => {
    const user = users.find((u) => u.id === v || u.username === v)
    if (user === undefined) return undefined
    return user.fullName !== '' ? user.fullName : user.username
  }
  const lookup = (type: ResponderRef['type'], v: string): string | undefined => {
    switch (type) {
      case 'team':
        return byId(teams, v)
      case 'user':
        return userName(v)
      case 'escalation':
        return byId(dir?.escalations ?? [], v)
      case 'schedule':
        return byId(dir?.schedules ?? [], v)
      default:
        return assertNever(type, 'responder type')
    }
  }
  return {
    team: (v) => named(v, 'team', lookup('team', v)),
    user: (v) => named(v, 'user', lookup('user', v)),
    responder: (ref) => {
      const found =
        (ref.id !== undefined ? lookup(ref.type, ref.id) : undefined) ??
        (ref.name !== undefined ? lookup(ref.type, ref.name) : undefined)
      return named(ref.name ?? ref.id ?? '', ref.type, found ?? ref.name)
    },
  }
}
