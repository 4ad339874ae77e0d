import type { ResponderRef } from '../../../../shared/domain'
import type { CoordinationContext } from './context'
import type { CoordinationSettings, LocalIncident } from './records'

export class CoordinationError extends Error {
  override readonly name = 'CoordinationError'
}

export async function getIncident(ctx: CoordinationContext, id: string): Promise<LocalIncident> {
  const incident = await ctx.db.incidents.get(id)
  if (incident === undefined || incident.workspaceId !== ctx.workspaceId)
    throw new CoordinationError(`no incident ${id} in this workspace`)
  return incident
}

export async function saveIncident(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<LocalIncident> {
  const row = { ...incident, updatedAt: ctx.now() }
  await ctx.db.incidents.put(row)
  return row
}

export const DEFAULT_SETTINGS: Omit<CoordinationSettings, 'workspaceId'> = {
  repageExistingResponders: false,
  defaultsCreated: false,
}

export async function getSettings(ctx: CoordinationContext): Promise<CoordinationSettings> {
  return (
    (await ctx.db.settings.get(ctx.workspaceId)) ?? {
      workspaceId: ctx.workspaceId,
      ...DEFAULT_SETTINGS,
    }
  )
}

export async function updateSettings(
  ctx: CoordinationContext,
  change: Partial<Omit<CoordinationSettings, 'workspaceId'>>,
): Promise<CoordinationSettings> {
  const next = { ...(await getSettings(ctx)), ...change }
  await ctx.db.settings.put(next)
  return next
}

/** Same type and the same id or (case-insensitively) the same name. */
export function sameResponder(a: ResponderRef, b: ResponderRef): boolean {
  if (a.type !== b.type) return false
  if (a.id !== undefined && a.id === b.id) return true
  return a.name !== undefined && b.name?.toLowerCase() === a.name.toLowerCase()
}

export function describeResponder(r: ResponderRef): string {
  return `${r.type} ${r.name ?? r.id ?? '?'}`
}
