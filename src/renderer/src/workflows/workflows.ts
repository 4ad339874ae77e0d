import type { CoordinationContext, TriggerEvent } from '../incidents/coordination/context'
import { conditionsHold, type ConditionSubject } from './conditions'
import type { LocalIncident, TimelineOutcome, WorkflowRun } from '../incidents/coordination/records'
import { addTimelineEntry } from '../incidents/coordination/timeline'
import { describeAction, executeAction, type ActionResult } from './workflow-actions'
import type { Workflow } from './workflow-schema'
import { listWorkflows, parseWorkflow } from './workflow-repository'

/** Longest chain of workflows causing one another; past it nothing more runs. */
export const MAX_WORKFLOW_CHAIN = 5

export interface DryRun {
  matches: boolean
  sentences: string[]
}

async function subjectOf(
  ctx: CoordinationContext,
  incident: LocalIncident | undefined,
  alert: TriggerEvent['alert'],
): Promise<ConditionSubject> {
  const keys = (incident?.serviceIds ?? []).map((id) => `${ctx.workspaceId}|${id}`)
  const services = (await ctx.db.services.bulkGet(keys)).flatMap((s) => (s ? [s] : []))
  return {
    ...(incident !== undefined ? { incident } : {}),
    ...(alert !== undefined ? { alert } : {}),
    serviceNames: new Map(services.map((s) => [s.id, s.name])),
  }
}

/** What the workflow would do for this incident, without doing any of it. */
export async function dryRunWorkflow(
  ctx: CoordinationContext,
  input: unknown,
  incident: LocalIncident,
): Promise<DryRun> {
  const workflow = parseWorkflow(input)
  const matches = conditionsHold(workflow, await subjectOf(ctx, incident, undefined))
  if (!matches) return { matches, sentences: ['does nothing: its conditions do not match'] }
  return { matches, sentences: workflow.actions.map((a) => describeAction(a, incident)) }
}

function overall(results: readonly ActionResult[]): WorkflowRun['outcome'] {
  const failed = results.filter((r) => r.outcome === 'failed').length
  if (failed === results.length) return 'failed'
  if (failed > 0) return 'partial'
  return results.every((r) => r.outcome === 'skipped') ? 'skipped' : 'done'
}

const TIMELINE_OUTCOME: Record<WorkflowRun['outcome'], TimelineOutcome> = {
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
  partial: 'failed',
}

async function runOne(
  ctx: CoordinationContext,
  workflow: Workflow,
  event: TriggerEvent,
  incident: LocalIncident | undefined,
): Promise<void> {
  const run = { workflowId: workflow.id, causedBy: [...event.causedBy, workflow.id] }
  const results: ActionResult[] = []
  for (const action of workflow.actions) {
    if (incident === undefined) {
      results.push({
        sentence: `${describeAction(action)}: skipped, the alert is not tied to an incident`,
        outcome: 'skipped',
        commandIds: [],
      })
      continue
    }
    try {
      results.push(await executeAction(ctx, action, incident.id, run))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      results.push({
        sentence: `${describeAction(action, incident)} failed: ${message}`,
        outcome: 'failed',
        commandIds: [],
      })
    }
  }
  const outcome = overall(results)
  const sentences = results.map((r) => r.sentence)
  const row: WorkflowRun = {
    id: ctx.newId(),
    workspaceId: ctx.workspaceId,
    workflowId: workflow.id,
    ...(incident !== undefined ? { incidentId: incident.id } : {}),
    trigger: event.trigger,
    at: ctx.now(),
    outcome,
    sentences,
  }
  await ctx.db.runs.put(row)
  if (incident !== undefined) {
    await addTimelineEntry(ctx, {
      incidentId: incident.id,
      source: 'workflow',
      kind: 'workflow-run',
      text: `Workflow "${workflow.name}" (${event.trigger}) ${outcome}: ${sentences.join('; ')}`,
      outcome: TIMELINE_OUTCOME[outcome],
      commandIds: results.flatMap((r) => r.commandIds),
      workflowId: workflow.id,
    })
  }
}

/**
 * Runs every enabled workflow for the event whose conditions hold, one after another. A
 * workflow never runs for an event its own run caused (directly or through others), and a
 * chain stops at `MAX_WORKFLOW_CHAIN`, so workflows cannot trigger each other forever.
 */
export async function runWorkflows(ctx: CoordinationContext, event: TriggerEvent): Promise<number> {
  if (event.causedBy.length >= MAX_WORKFLOW_CHAIN) return 0
  const workflows = (await listWorkflows(ctx)).filter(
    (w) => w.enabled && w.trigger === event.trigger && !event.causedBy.includes(w.id),
  )
  let ran = 0
  for (const workflow of workflows) {
    const incident =
      event.incidentId !== undefined ? await ctx.db.incidents.get(event.incidentId) : undefined
    if (!conditionsHold(workflow, await subjectOf(ctx, incident, event.alert))) continue
    await runOne(ctx, workflow, event, incident)
    ran += 1
  }
  return ran
}
