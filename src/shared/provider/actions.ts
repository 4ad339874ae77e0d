import { z } from 'zod'
import { Priority } from '../domain/severity'
import { ResponderRef } from '../domain/responder'

/**
 * The field shapes responder actions are built from, in domain terms. Each action's own input is
 * declared once, in the command catalogue (`src/shared/commands`); the gateway maps it onto a
 * provider adapter (Opsgenie today). Field limits are Opsgenie's, checked so a bad command is
 * refused before it is queued.
 */
export const Note = z.string().min(1).max(25_000)
export const Actor = z.string().min(1).max(100)
export const Id = z.string().min(1).max(512)

/** What every action on an existing alert carries. */
export const AlertTarget = z.object({
  alertId: Id,
  /** Address by alias when the alert's id is not known yet (a create still being processed). */
  by: z.enum(['id', 'alias']).default('id'),
  user: Actor.optional(),
  note: Note.optional(),
})

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

/** What every action on an existing incident carries. */
export const IncidentTarget = z.object({ incidentId: Id, note: Note.optional() })

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
