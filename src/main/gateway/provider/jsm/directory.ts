import type { Escalation, ResponderRef, Schedule, Team, User } from '../../../../shared/domain'
import type { Page } from '../provider'
import type { JsmClient } from './client'
import type { Governed } from './governed'
import { toEscalation, toSchedule, toTeam, toUser } from './to-domain'

const USER_PAGE = 100
/** How long names resolved for actions are trusted before the directory is read again. */
const NAMES_TTL_MS = 5 * 60_000

export interface JsmDirectory {
  teams(): Promise<Team[]>
  users(cursor?: string): Promise<Page<User>>
  schedules(): Promise<Schedule[]>
  escalations(): Promise<Escalation[]>
  /** The id JSM needs for a responder given by name (JSM addresses everything by id). */
  resolve(ref: ResponderRef): Promise<string | undefined>
  /** Usernames for account ids (on-call answers ids; the domain speaks usernames). */
  usernames(accountIds: readonly string[]): Promise<string[]>
}

/** Directory reads, and the name -> id lookups actions need, cached briefly. */
export function jsmDirectory(
  client: JsmClient,
  governed: Governed,
  now: () => number,
): JsmDirectory {
  const teams = async (): Promise<Team[]> =>
    (await governed('configuration', 'sync', () => client.config.teams())).platformTeams.map(toTeam)

  const users = async (cursor?: string): Promise<Page<User>> => {
    const startAt = cursor === undefined ? 0 : Number(cursor)
    if (!Number.isInteger(startAt) || startAt < 0) throw new Error(`not a user cursor: ${cursor}`)
    const page = await governed('configuration', 'sync', () =>
      client.config.users(startAt, USER_PAGE),
    )
    // Jira lists apps and customers too; responders are Atlassian accounts.
    const people = page.filter((u) => (u.accountType ?? 'atlassian') === 'atlassian')
    return {
      items: people.map(toUser),
      ...(page.length === USER_PAGE ? { next: String(startAt + USER_PAGE) } : {}),
    }
  }

  const schedules = async (): Promise<Schedule[]> => {
    const out: Schedule[] = []
    for (let offset = 0; ; offset += 50) {
      const page = await governed('configuration', 'sync', () => client.config.schedules(offset))
      out.push(...page.values.map(toSchedule))
      if (!page.links?.next || page.values.length === 0) return out
    }
  }

  /** Escalations live under their team: one listing per team. */
  const escalations = async (): Promise<Escalation[]> => {
    const out: Escalation[] = []
    for (const team of await teams()) {
      for (let offset = 0; ; offset += 100) {
        const page = await governed('configuration', 'sync', () =>
          client.config.escalations(team.id, offset),
        )
        out.push(...page.values.map((e) => toEscalation(e, team.id)))
        if (!page.links?.next || page.values.length === 0) break
      }
    }
    return out
  }

  let names: { at: number; byKind: Map<string, Map<string, string>> } | undefined
  let everyone: { at: number; users: Promise<User[]> } | undefined
  /** Every user, read at most once per `NAMES_TTL_MS` (on-call asks once per schedule). */
  const allUsers = (): Promise<User[]> => {
    if (everyone !== undefined && now() - everyone.at < NAMES_TTL_MS) return everyone.users
    const read = async (): Promise<User[]> => {
      const out: User[] = []
      let cursor: string | undefined
      do {
        const page = await users(cursor)
        out.push(...page.items)
        cursor = page.next
      } while (cursor !== undefined)
      return out
    }
    const pending = read()
    everyone = { at: now(), users: pending }
    // a failed read is not kept: the next caller reads again
    pending.catch(() => {
      if (everyone?.users === pending) everyone = undefined
    })
    return pending
  }
  const nameTable = async (): Promise<Map<string, Map<string, string>>> => {
    if (names !== undefined && now() - names.at < NAMES_TTL_MS) return names.byKind
    const [t, u, s, e] = await Promise.all([teams(), allUsers(), schedules(), escalations()])
    const byKind = new Map<string, Map<string, string>>([
      ['team', new Map(t.map((x) => [x.name, x.id]))],
      [
        'user',
        new Map(
          u.flatMap(
            (x) =>
              [
                [x.username, x.id],
                [x.fullName, x.id],
              ] as const,
          ),
        ),
      ],
      ['schedule', new Map(s.map((x) => [x.name, x.id]))],
      ['escalation', new Map(e.map((x) => [x.name, x.id]))],
    ])
    names = { at: now(), byKind }
    return byKind
  }

  return {
    teams,
    users,
    schedules,
    escalations,
    async resolve(ref) {
      if (ref.id !== undefined) return ref.id
      if (ref.name === undefined) return undefined
      return (await nameTable()).get(ref.type)?.get(ref.name)
    },
    async usernames(accountIds) {
      const byId = new Map((await allUsers()).map((u) => [u.id, u.username]))
      return accountIds.map((id) => byId.get(id) ?? id)
    },
  }
}
