import type { z } from 'zod'
import type { CoordinationContext } from '../incidents/coordination/context'
import type { WorkflowRow } from '../incidents/coordination/records'
import { Workflow, WorkflowExport, type WorkflowInput } from './workflow-schema'

/** A workflow or an import that does not validate; the message names the field and the problem. */
export class WorkflowValidationError extends Error {
  override readonly name = 'WorkflowValidationError'
}

function explain(error: z.ZodError, prefix: string): WorkflowValidationError {
  const lines = error.issues.slice(0, 5).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    return `${path.replace(/^\./, '') || 'document'}: ${i.message}`
  })
  return new WorkflowValidationError(`${prefix}: ${lines.join('; ')}`)
}

export function parseWorkflow(input: unknown): Workflow {
  const parsed = Workflow.safeParse(input)
  if (!parsed.success) throw explain(parsed.error, 'invalid workflow')
  return parsed.data
}

export async function saveWorkflow(
  ctx: CoordinationContext,
  input: WorkflowInput,
): Promise<Workflow> {
  const workflow = parseWorkflow(input)
  await ctx.db.workflows.put({ ...workflow, workspaceId: ctx.workspaceId })
  return workflow
}

export async function listWorkflows(ctx: CoordinationContext): Promise<Workflow[]> {
  const rows = await ctx.db.workflows.where('workspaceId').equals(ctx.workspaceId).toArray()
  return rows.map(strip).sort((a, b) => a.name.localeCompare(b.name))
}

export async function deleteWorkflow(ctx: CoordinationContext, id: string): Promise<void> {
  await ctx.db.workflows.delete(id)
}

const strip = ({ workspaceId: _w, ...workflow }: WorkflowRow): Workflow => workflow

export async function exportWorkflows(ctx: CoordinationContext): Promise<string> {
  const doc: WorkflowExport = {
    format: 'ondeck-workflows',
    version: 1,
    workflows: await listWorkflows(ctx),
  }
  return JSON.stringify(doc, null, 2)
}

/**
 * Imports an export: all or nothing (one bad workflow refuses the file), replacing workflows
 * with the same id. Returns how many were imported.
 */
export async function importWorkflows(ctx: CoordinationContext, json: string): Promise<number> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    throw new WorkflowValidationError(
      `the file is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const parsed = WorkflowExport.safeParse(raw)
  if (!parsed.success) throw explain(parsed.error, 'cannot import workflows')
  const ids = parsed.data.workflows.map((w) => w.id)
  const dup = ids.find((id, i) => ids.indexOf(id) !== i)
  if (dup !== undefined)
    throw new WorkflowValidationError(`cannot import workflows: the id "${dup}" appears twice`)
  await ctx.db.workflows.bulkPut(
    parsed.data.workflows.map((w) => ({ ...w, workspaceId: ctx.workspaceId })),
  )
  return ids.length
}
