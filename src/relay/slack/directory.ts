import type { TargetKind, TargetName } from './command.js'
import type { RelayOpsgenie, ScheduleRecord } from './opsgenie.js'

/** One thing a responder can page, as Opsgenie names it. */
export interface Target {
  readonly kind: TargetKind
  readonly id: string
  /** Teams, schedules and escalations by name; users by username. */
  readonly name: string
  /** Other spellings that match exactly: a user's full name and the part of the username before @. */
  readonly aliases: readonly string[]
  /** For teams: the schedules the team owns (on-call answers). */
  readonly schedules?: readonly ScheduleRecord[]
}

export type Resolution =
  | { readonly status: 'found'; readonly target: Target }
  | { readonly status: 'ambiguous'; readonly matches: readonly Target[] }
  | { readonly status: 'unknown'; readonly close: readonly Target[] }

/**
 * Names are read through the API (Configuration Access) and kept for `ttlMs`, so a burst of
 * commands costs one listing per kind, and a team renamed in Opsgenie is seen within a minute.
 */
export class Directory {
  private cached: { at: number; targets: Promise<Target[]> } | undefined

  constructor(
    private readonly opsgenie: RelayOpsgenie,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 60_000,
  ) {}

  async resolve(wanted: TargetName, kinds: readonly TargetKind[]): Promise<Resolution> {
    const all = (await this.targets()).filter(
      (t) => kinds.includes(t.kind) && (wanted.kind === undefined || t.kind === wanted.kind),
    )
    const key = normalise(wanted.name)
    const exact = all.filter((t) => [t.name, ...t.aliases].some((n) => normalise(n) === key))
    const [only] = exact
    if (only !== undefined && exact.length === 1) return { status: 'found', target: only }
    if (exact.length > 1) return { status: 'ambiguous', matches: exact }
    return { status: 'unknown', close: closeMatches(key, all) }
  }

  private targets(): Promise<Target[]> {
    const at = this.now()
    if (this.cached === undefined || at - this.cached.at > this.ttlMs) {
      const targets = this.load()
      // A failed listing is not cached: the next command asks Opsgenie again.
      targets.catch(() => {
        if (this.cached?.targets === targets) this.cached = undefined
      })
      this.cached = { at, targets }
    }
    return this.cached.targets
  }

  private async load(): Promise<Target[]> {
    const teams = await this.opsgenie.listTeams()
    const schedules = await this.opsgenie.listSchedules()
    const escalations = await this.opsgenie.listEscalations()
    const users = await this.opsgenie.listUsers()
    return [
      ...teams.map((t) => ({
        kind: 'team' as const,
        id: t.id,
        name: t.name,
        aliases: [],
        schedules: schedules.filter(
          (s) => s.ownerTeam?.id === t.id || s.ownerTeam?.name === t.name,
        ),
      })),
      ...schedules.map((s) => ({
        kind: 'schedule' as const,
        id: s.id,
        name: s.name,
        aliases: [],
        schedules: [s],
      })),
      ...escalations.map((e) => ({
        kind: 'escalation' as const,
        id: e.id,
        name: e.name,
        aliases: [],
      })),
      ...users.map((u) => ({
        kind: 'user' as const,
        id: u.id,
        name: u.username,
        aliases: [u.fullName ?? '', u.username.split('@')[0] ?? ''].filter((a) => a !== ''),
      })),
    ]
  }
}

/** Case, spaces, `-` and `_` do not tell two names apart for a responder typing in a hurry. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '')
}

/** Up to five names within a small edit distance, or containing / contained in what was typed. */
function closeMatches(key: string, targets: readonly Target[]): Target[] {
  const scored = targets.flatMap((t) => {
    const distances = [t.name, ...t.aliases].map((n) => {
      const other = normalise(n)
      if (key.length >= 3 && (other.includes(key) || key.includes(other))) return 0.5
      return editDistance(key, other)
    })
    const best = Math.min(...distances)
    return best <= Math.max(2, Math.floor(key.length / 3)) ? [{ t, best }] : []
  })
  return scored
    .sort((a, b) => a.best - b.best || a.t.name.localeCompare(b.t.name))
    .slice(0, 5)
    .map((s) => s.t)
}

/** Levenshtein distance; names are short, so the plain two-row version is enough. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
