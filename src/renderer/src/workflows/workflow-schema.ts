import { z } from 'zod'
import { Priority, Severity } from '../../../shared/domain'

export const TRIGGERS = [
  'incident-declared',
  'severity-changed',
  'status-changed',
  'incident-resolved',
  'alert-received',
  'alert-acknowledged',
  'alert-closed',
] as const
export const Trigger = z.enum(TRIGGERS)
export type Trigger = z.infer<typeof Trigger>

const Names = z.array(z.string().min(1).max(200)).min(1, 'needs at least one value')

export const Condition = z.discriminatedUnion('field', [
  z.object({ field: z.literal('severity'), in: z.array(Severity).min(1) }),
  z.object({ field: z.literal('service'), in: Names }),
  z.object({ field: z.literal('incidentType'), in: Names }),
  z.object({ field: z.literal('tag'), in: Names }),
  z.object({ field: z.literal('alertPriority'), in: z.array(Priority).min(1) }),
  z.object({ field: z.literal('team'), in: Names }),
])
export type Condition = z.infer<typeof Condition>

/** A schedule, escalation, team or user by id or name (Opsgenie accepts either). */
export const TargetRef = z
  .object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() })
  .refine((r) => r.id !== undefined || r.name !== undefined, {
    message: 'needs an id or a name',
  })
export type TargetRef = z.infer<typeof TargetRef>

export const Action = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page'),
    target: z.enum(['schedule', 'escalation', 'team', 'user']),
    ref: TargetRef,
    /** Absent: the incident's severity mapped to a priority (Critical P1 ... Informational P5). */
    priority: Priority.optional(),
  }),
  z.object({ type: z.literal('create-opsgenie-incident') }),
  /** Without a schedule: the schedules owned by the teams of the incident's impacted services. */
  z.object({ type: z.literal('add-oncall-responders'), schedule: TargetRef.optional() }),
  z.object({
    type: z.literal('assign-oncall-role'),
    schedule: TargetRef,
    role: z.string().min(1),
  }),
  z.object({ type: z.literal('resolve-opsgenie-incident') }),
  z.object({ type: z.literal('add-note'), text: z.string().min(1).max(10_000) }),
])
export type Action = z.infer<typeof Action>

export const Workflow = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  trigger: Trigger,
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(Condition).default([]),
  actions: z.array(Action).min(1, 'a workflow needs at least one action'),
  /** Set on the defaults created at connect, so they are not created twice. */
  builtin: z.string().optional(),
})
export type Workflow = z.infer<typeof Workflow>
export type WorkflowInput = z.input<typeof Workflow>

export const WorkflowExport = z.object({
  format: z.literal('ondeck-workflows', {
    error: 'is not an Ondeck workflow export (format must be "ondeck-workflows")',
  }),
  version: z.literal(1, { error: 'is a version this Ondeck cannot read (expected 1)' }),
  workflows: z.array(Workflow),
})
export type WorkflowExport = z.infer<typeof WorkflowExport>
