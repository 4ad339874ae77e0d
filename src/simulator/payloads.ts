import { z } from 'zod'
import { unprocessable } from './api-error'

/**
 * Request bodies, checked with zod at the HTTP boundary. Structural problems become Opsgenie's
 * 422 `errors` map, keyed like `responders#type` (go-sdk client_test); over-long text is
 * truncated rather than refused, as Opsgenie does with alert messages (API-NOTES §3.2).
 */
const text = (max: number): z.ZodType<string> => z.string().transform((s) => s.slice(0, max))
export const PriorityValue = z.enum(['P1', 'P2', 'P3', 'P4', 'P5'])

export const RecipientRef = z.object({
  type: z.string().refine((t) => ['user', 'team', 'escalation', 'schedule'].includes(t), {
    error: (issue) => `Invalid recipient type '${String(issue.input)}'`,
  }),
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
})
export type RecipientRef = z.infer<typeof RecipientRef>

export const ActionPayload = z.object({
  user: text(100).optional(),
  source: text(100).optional(),
  note: text(25000).optional(),
})
export type ActionPayload = z.infer<typeof ActionPayload>

export const CreateAlertPayload = ActionPayload.extend({
  message: z
    .string({ error: 'Message can not be empty.' })
    .trim()
    .min(1, 'Message can not be empty.')
    .transform((s) => s.slice(0, 130)),
  alias: text(512).optional(),
  description: text(15000).optional(),
  responders: z.array(RecipientRef).max(50).optional(),
  visibleTo: z.array(RecipientRef).max(50).optional(),
  actions: z.array(text(50)).max(10).optional(),
  tags: z.array(text(50)).max(20).optional(),
  details: z.record(z.string(), z.string()).optional(),
  entity: text(512).optional(),
  priority: PriorityValue.optional(),
})
export type CreateAlertPayload = z.infer<typeof CreateAlertPayload>

export const AddNotePayload = ActionPayload.extend({
  note: z
    .string()
    .min(1, 'Note can not be empty.')
    .transform((s) => s.slice(0, 25000)),
})
export const AssignPayload = ActionPayload.extend({
  owner: z
    .object({ id: z.string().optional(), username: z.string().optional() })
    .refine((o) => o.id ?? o.username, 'Owner id or username is required.'),
})
export const ResponderPayload = ActionPayload.extend({ responder: RecipientRef })
export const TeamPayload = ActionPayload.extend({
  team: z.object({ id: z.string().optional(), name: z.string().optional() }),
})
export const EscalatePayload = ActionPayload.extend({
  escalation: z
    .object({ id: z.string().optional(), name: z.string().optional() })
    .refine((e) => e.id ?? e.name, 'Escalation id or name is required.'),
})
export const SnoozePayload = ActionPayload.extend({
  endTime: z.iso.datetime({ offset: true, error: 'endTime must be an ISO-8601 date-time.' }),
})
export const TagsPayload = ActionPayload.extend({
  tags: z.array(text(50)).min(1, 'Tags can not be empty.'),
})
export const DetailsPayload = ActionPayload.extend({ details: z.record(z.string(), z.string()) })
export const PriorityPayload = z.object({ priority: PriorityValue })
export const MessagePayload = z.object({
  message: z
    .string()
    .min(1, 'Message can not be empty.')
    .transform((s) => s.slice(0, 130)),
})
export const DescriptionPayload = z.object({ description: text(15000) })

export const CreateIncidentPayload = z.object({
  message: z
    .string({ error: 'Message can not be empty.' })
    .trim()
    .min(1, 'Message can not be empty.')
    .transform((s) => s.slice(0, 130)),
  description: text(10000).optional(),
  responders: z
    .array(
      RecipientRef.refine(
        (r) => r.type === 'team' || r.type === 'user',
        'Incident responders must be of type team or user.',
      ),
    )
    .optional(),
  tags: z.array(text(50)).optional(),
  details: z.record(z.string(), z.string()).optional(),
  priority: PriorityValue.optional(),
  note: text(25000).optional(),
  impactedServices: z.array(z.string()).optional(),
  serviceId: z.string().optional(),
  notifyStakeholders: z.boolean().optional(),
})
export type CreateIncidentPayload = z.infer<typeof CreateIncidentPayload>

export const IncidentRespondersPayload = z.object({
  note: z.string().optional(),
  responder: z.array(RecipientRef).optional(),
  responders: z.array(RecipientRef).optional(),
})

/** Parses `body` (which may be undefined for an empty body) or throws the 422 Opsgenie would. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.filter((p) => typeof p === 'string').join('#') || 'body'
    errors[key] ??= issue.message
  }
  throw unprocessable(errors)
}
