import type { Principal } from './auth'
import type { ActionPayload, RecipientRef } from './payloads'
import { nextOffset, type LogRecord, type ResponderRecord, type SimulatorState } from './store'

/** Who acted: the `user` field when given (Opsgenie shows it as the actor), else the integration. */
export interface Actor {
  username: string
  userId: string
}

export function actorOf(state: SimulatorState, principal: Principal, body: ActionPayload): Actor {
  const name = body.user ?? principal.integrationName
  const user = state.users.find((u) => u.username === name || u.fullName === name)
  return { username: name, userId: user?.id ?? '' }
}

export function addLog(
  state: SimulatorState,
  target: { logs: LogRecord[] },
  log: string,
  owner: string,
  at: number,
  type = 'system',
): void {
  target.logs.push({ log, type, owner, createdAt: at, offset: nextOffset(state, at) })
}

export function addNote(
  state: SimulatorState,
  target: {
    notes: { note: string; owner: string; createdAt: number; offset: string }[]
    logs: LogRecord[]
  },
  note: string,
  owner: string,
  at: number,
): void {
  target.notes.push({ note, owner, createdAt: at, offset: nextOffset(state, at) })
  addLog(state, target, `Note added: ${note}`, owner, at, 'note')
}

/** Resolves `{type, id|name|username}` against the account; undefined when it names nothing. */
export function resolveResponder(
  state: SimulatorState,
  ref: RecipientRef,
): ResponderRecord | undefined {
  switch (ref.type) {
    case 'team': {
      const t = state.teams.find((x) => x.id === ref.id || x.name === ref.name)
      return t && { type: 'team', id: t.id, name: t.name }
    }
    case 'user': {
      const u = state.users.find(
        (x) => x.id === ref.id || x.username === (ref.username ?? ref.name),
      )
      return u && { type: 'user', id: u.id, name: u.username }
    }
    case 'escalation': {
      const e = state.escalations.find((x) => x.id === ref.id || x.name === ref.name)
      return e && { type: 'escalation', id: e.id, name: e.name }
    }
    case 'schedule': {
      const s = state.schedules.find((x) => x.id === ref.id || x.name === ref.name)
      return s && { type: 'schedule', id: s.id, name: s.name }
    }
    default:
      return undefined
  }
}

export function describeRef(ref: RecipientRef): string {
  return `${ref.type} [${ref.id ?? ref.name ?? ref.username ?? ''}]`
}

export function addResponder(list: ResponderRecord[], r: ResponderRecord): boolean {
  if (list.some((x) => x.type === r.type && x.id === r.id)) return false
  list.push(r)
  return true
}

/** A team key sees only alerts its team responds to (API-NOTES §1.2); other keys see all. */
export function canSee(principal: Principal, responders: ResponderRecord[]): boolean {
  return (
    principal.kind !== 'team' ||
    responders.some((r) => r.type === 'team' && r.name === principal.teamName)
  )
}
