import type { CoordinationContext } from './context'
import { read } from './context'
import { CoordinationError } from './incident-repository'
import type { TargetRef } from '../../workflows/workflow-schema'

export interface ScheduleId {
  id: string
  name: string
}

/** A schedule by id, or by name through `directory:schedules`. */
export async function resolveSchedule(
  ctx: CoordinationContext,
  ref: TargetRef,
): Promise<ScheduleId> {
  const schedules = await read(() => ctx.port.directory.schedules({ workspaceId: ctx.workspaceId }))
  const found = schedules.find(
    (s) =>
      s.id === ref.id ||
      (ref.name !== undefined && s.name.toLowerCase() === ref.name.toLowerCase()),
  )
  if (found !== undefined) return { id: found.id, name: found.name }
  if (ref.id !== undefined) return { id: ref.id, name: ref.name ?? ref.id }
  throw new CoordinationError(`no schedule named "${ref.name ?? ''}"`)
}

/** The schedules owned by the teams of these (imported) services. */
export async function schedulesOfServices(
  ctx: CoordinationContext,
  serviceIds: readonly string[],
): Promise<ScheduleId[]> {
  if (serviceIds.length === 0) return []
  const keys = serviceIds.map((id) => `${ctx.workspaceId}|${id}`)
  const services = (await ctx.db.services.bulkGet(keys)).flatMap((s) => (s ? [s] : []))
  const teams = new Set(services.flatMap((s) => (s.teamId !== undefined ? [s.teamId] : [])))
  if (teams.size === 0) return []
  const schedules = await read(() => ctx.port.directory.schedules({ workspaceId: ctx.workspaceId }))
  return schedules
    .filter((s) => s.ownerTeamId !== undefined && teams.has(s.ownerTeamId))
    .map((s) => ({ id: s.id, name: s.name }))
}

/** Who is on call for the schedule now (usernames). */
export async function onCallUsers(
  ctx: CoordinationContext,
  schedule: ScheduleId,
): Promise<string[]> {
  const onCall = await read(() =>
    ctx.port.directory.onCalls({ workspaceId: ctx.workspaceId, scheduleId: schedule.id }),
  )
  return onCall.usernames
}
