import { z } from 'zod'
import { Details, maxChars, PageWindow, PriorityInput, required, Tags, TeamOrUser } from './common'

/** Incidents take team and user responders only (go-sdk `validateResponders`). */
export const CreateIncidentInput = z.object({
  message: required(130),
  description: maxChars(10000).optional(),
  responders: z.array(TeamOrUser).max(50, 'at most 50 responders').optional(),
  tags: Tags.optional(),
  details: Details.optional(),
  priority: PriorityInput.optional(),
  impactedServices: z.array(z.string().min(1, 'service ids cannot be empty')).optional(),
  note: maxChars(25000).optional(),
  notifyStakeholders: z.boolean().optional(),
})
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>

export const IncidentNoteInput = z.object({ note: maxChars(25000).optional() })
export type IncidentNoteInput = z.input<typeof IncidentNoteInput>

export const AddIncidentNoteInput = z.object({ note: required(25000) })
export type AddIncidentNoteInput = z.input<typeof AddIncidentNoteInput>

export const AddIncidentRespondersInput = z.object({
  responders: z.array(TeamOrUser).min(1, 'at least one responder').max(50, 'at most 50 responders'),
  note: maxChars(25000).optional(),
})
export type AddIncidentRespondersInput = z.input<typeof AddIncidentRespondersInput>

/** Opsgenie requires `query` on incident lists (go-sdk: "Query field cannot be empty."). */
export const ListIncidentsInput = PageWindow.extend({
  query: z
    .string({ error: 'is required (e.g. status:open)' })
    .trim()
    .min(1, 'is required (e.g. status:open)'),
  sort: z
    .enum(['createdAt', 'tinyId', 'message', 'status', 'isSeen', 'owner'], {
      error: 'is not a sortable incident field',
    })
    .optional(),
})
export type ListIncidentsInput = z.input<typeof ListIncidentsInput>

export const UpdateIncidentPriorityInput = z.object({ priority: PriorityInput })
export type UpdateIncidentPriorityInput = z.input<typeof UpdateIncidentPriorityInput>

export const UpdateIncidentDescriptionInput = z.object({ description: maxChars(10000) })
export type UpdateIncidentDescriptionInput = z.input<typeof UpdateIncidentDescriptionInput>
