import { z } from 'zod'
import { Priority } from '../domain/severity'
import { ResponderRef } from '../domain/responder'

/**
 * Responder actions in domain terms: the renderer (outbox, notifications, workflows) speaks these;
 * the gateway maps them onto a provider adapter (Opsgenie today). Field limits are Opsgenie's,
 * checked here so a bad command is refused before it is queued.
 */
const Note = z.string().min(1).max(25_000)
const Actor = z.string().min(1).max(100)
const Id = z.string().min(1).max(512)

const AlertTarget = z.object({
  alertId: Id,
  /** Address by alias when the alert's id is not known yet (a create still being processed). */
  by: z.enum(['id', 'alias']).default('id'),
  user: Actor.optional(),
  note: Note.optional(),
})

export const AlertActionInput = {
  acknowledge: AlertTarget,
  unacknowledge: AlertTarget,
  close: AlertTarget,
  addNote: AlertTarget.extend({ note: Note }),
  assign: AlertTarget.extend({ owner: z.object({ id: Id.optional(), username: Id.optional() }) }),
  addResponder: AlertTarget.extend({ responder: ResponderRef }),
  escalate: AlertTarget.extend({
    escalation: z.object({ id: Id.optional(), name: Id.optional() }),
  }),
  snooze: AlertTarget.extend({ endTime: z.string().datetime({ offset: true }) }),
  setPriority: AlertTarget.extend({ priority: Priority }),
} as const

export const CreateAlertInput = z.object({
  message: z.string().min(1).max(130),
  alias: z.string().min(1).max(512).optional(),
  description: z.string().max(15_000).optional(),
  responders: z.array(ResponderRef).max(50).default([]),
  tags: z.array(z.string().min(1).max(50)).max(20).default([]),
  details: z.record(z.string(), z.string()).optional(),
  entity: z.string().max(512).optional(),
  source: z.string().max(100).optional(),
  priority: Priority.default('P3'),
  user: Actor.optional(),
  note: Note.optional(),
})
export type CreateAlertInput = z.input<typeof CreateAlertInput>

/** Opsgenie incidents take only teams and users as responders (API-NOTES §4). */
export const IncidentResponderRef = z
  .object({ type: z.enum(['team', 'user']), id: Id.optional(), name: Id.optional() })
  .refine((r) => r.id !== undefined || r.name !== undefined, {
    message: 'a responder needs an id or a name',
  })
export type IncidentResponderRef = z.infer<typeof IncidentResponderRef>

const IncidentTarget = z.object({ incidentId: Id, note: Note.optional() })

export const IncidentActionInput = {
  resolve: IncidentTarget,
  close: IncidentTarget,
  reopen: IncidentTarget,
  addNote: IncidentTarget.extend({ note: Note }),
  addResponders: IncidentTarget.extend({
    responders: z.array(IncidentResponderRef).min(1).max(50),
  }),
  /** Severity changes of a coordinated incident move its Opsgenie priority. */
  setPriority: IncidentTarget.extend({ priority: Priority }),
  updateDescription: IncidentTarget.extend({ description: z.string().max(10_000) }),
} as const

export const CreateIncidentInput = z.object({
  message: z.string().min(1).max(130),
  description: z.string().max(10_000).optional(),
  responders: z.array(IncidentResponderRef).max(50).default([]),
  tags: z.array(z.string().min(1).max(50)).max(20).default([]),
  details: z.record(z.string(), z.string()).optional(),
  priority: Priority.default('P3'),
  impactedServices: z.array(Id).default([]),
  note: Note.optional(),
  notifyStakeholders: z.boolean().default(false),
})
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>
