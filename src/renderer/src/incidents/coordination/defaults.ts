import type { CoordinationContext } from './context'
import type { RoleDefinition } from './records'
import { getSettings, updateSettings } from './incident-repository'
import type { Workflow } from '../../workflows/workflow-schema'

export const DEFAULT_ROLES: readonly Omit<RoleDefinition, 'workspaceId'>[] = [
  { id: 'commander', name: 'Commander', order: 0 },
  { id: 'communications', name: 'Communications Lead', order: 1 },
  { id: 'scribe', name: 'Scribe', order: 2 },
]

export const DEFAULT_WORKFLOWS: readonly Workflow[] = [
  {
    id: 'default-add-oncall-responders',
    name: 'Add on-call responders to new incidents',
    enabled: true,
    trigger: 'incident-declared',
    match: 'all',
    conditions: [],
    actions: [{ type: 'add-oncall-responders' }],
    builtin: 'add-oncall-responders',
  },
  {
    id: 'default-resolve-opsgenie-incident',
    name: 'Resolve the linked Opsgenie incident when the incident is resolved',
    enabled: true,
    trigger: 'incident-resolved',
    match: 'all',
    conditions: [],
    actions: [{ type: 'resolve-opsgenie-incident' }],
    builtin: 'resolve-opsgenie-incident',
  },
]

/**
 * Called when a workspace connects: default roles and workflows, created once (a responder who
 * deleted a default does not get it back on the next connect).
 */
export async function ensureDefaults(ctx: CoordinationContext): Promise<boolean> {
  if ((await getSettings(ctx)).defaultsCreated) return false
  await ctx.db.transaction('rw', ctx.db.roles, ctx.db.workflows, ctx.db.settings, async () => {
    const roles = await ctx.db.roles.where('workspaceId').equals(ctx.workspaceId).count()
    if (roles === 0)
      await ctx.db.roles.bulkPut(
        DEFAULT_ROLES.map((r) => ({
          ...r,

          workspaceId: ctx.workspaceId,
        })),
      )
    await ctx.db.workflows.bulkPut(
      DEFAULT_WORKFLOWS.map((w) => ({
        ...w,

        workspaceId: ctx.workspaceId,
      })),
    )
    await updateSettings(ctx, { defaultsCreated: true })
  })
  return true
}

export async function listRoles(ctx: CoordinationContext): Promise<RoleDefinition[]> {
  return ctx.db.roles.where('workspaceId').equals(ctx.workspaceId).sortBy('order')
}

/** Adds or renames a role; `id` stays stable so holders keep their role. */
export async function saveRole(
  ctx: CoordinationContext,
  role: { id?: string; name: string; order?: number },
): Promise<RoleDefinition> {
  const name = role.name.trim()
  if (name === '') throw new Error('a role needs a name')
  const existing = await listRoles(ctx)
  const row: RoleDefinition = {
    id: role.id ?? ctx.newId(),
    workspaceId: ctx.workspaceId,
    name,
    order: role.order ?? existing.length,
  }
  await ctx.db.roles.put(row)
  return row
}
