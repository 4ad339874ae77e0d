import type { AlertRow, OnCallRow, ScheduleRow, TeamRow, UserRow } from '../db/rows'

/**
 * What "Mine" covers besides what I own: the teams I am on (the owner teams of the schedules
 * whose rotations name me; Opsgenie's team membership is not in the cache) and the schedules I am
 * on call for right now. Each is kept as ids and names, because alerts name teams and
 * responders either way depending on their source.
 */
export interface MyScope {
  readonly teams: ReadonlySet<string>
  readonly onCallSchedules: ReadonlySet<string>
}

export const NO_SCOPE: MyScope = { teams: new Set(), onCallSchedules: new Set() }

export function myScope(
  me: string | undefined,
  directory: {
    readonly users: readonly UserRow[]
    readonly teams: readonly TeamRow[]
    readonly schedules: readonly ScheduleRow[]
  },
  onCalls: readonly OnCallRow[],
): MyScope {
  if (me === undefined) return NO_SCOPE
  const myId = directory.users.find((u) => u.username === me)?.id
  const isMe = (ref: { type: string; id?: string; name?: string }): boolean =>
    ref.type === 'user' && (ref.name === me || (myId !== undefined && ref.id === myId))
  const teams = new Set<string>()
  for (const schedule of directory.schedules) {
    const teamId = schedule.ownerTeamId
    if (teamId === undefined || !schedule.rotations.some((r) => r.participants.some(isMe))) continue
    teams.add(teamId)
    const name = directory.teams.find((t) => t.id === teamId)?.name
    if (name !== undefined) teams.add(name)
  }
  const onCallSchedules = new Set<string>()
  for (const onCall of onCalls) {
    if (!onCall.usernames.includes(me)) continue
    onCallSchedules.add(onCall.scheduleId)
    onCallSchedules.add(onCall.scheduleName)
  }
  return { teams, onCallSchedules }
}

/** Owned by me, I was added as a responder, it went to one of my teams or a schedule I am on call for. */
export function isMine(row: AlertRow, me: string | undefined, scope: MyScope): boolean {
  if (me === undefined) return false
  if (row.owner === me) return true
  if (row.teams.some((t) => scope.teams.has(t))) return true
  return row.responders.some((r) => {
    if (r.type === 'user') return r.name === me || r.id === me
    const named =
      (r.id !== undefined && scope.teams.has(r.id)) ||
      (r.name !== undefined && scope.teams.has(r.name))
    if (r.type === 'team') return named
    if (r.type === 'schedule')
      return (
        (r.id !== undefined && scope.onCallSchedules.has(r.id)) ||
        (r.name !== undefined && scope.onCallSchedules.has(r.name))
      )
    return false
  })
}
