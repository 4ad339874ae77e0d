import { z } from 'zod'
import {
  ActionFields,
  AnyResponder,
  Details,
  maxChars,
  PageWindow,
  PriorityInput,
  required,
  responder,
  Tags,
} from './common'

/** Opsgenie refuses deep paging: offset + limit must stay at or below this (API-NOTES §3.4). */
export const ALERT_PAGING_CAP = 20_000

export const CreateAlertInput = z.object({
  message: required(130),
  alias: maxChars(512).optional(),
  description: maxChars(15000).optional(),
  responders: z.array(AnyResponder).max(50, 'at most 50 responders').optional(),
  visibleTo: z
    .array(responder(['team', 'user'] as const))
    .max(50, 'at most 50 teams and users')
    .optional(),
  actions: z.array(required(50)).max(10, 'at most 10 actions').optional(),
  tags: Tags.optional(),
  details: Details.optional(),
  entity: maxChars(512).optional(),
  source: maxChars(100).optional(),
  priority: PriorityInput.optional(),
  user: maxChars(100).optional(),
  note: maxChars(25000).optional(),
})
export type CreateAlertInput = z.input<typeof CreateAlertInput>

export const AddNoteInput = ActionFields.extend({ note: required(25000) })
export type AddNoteInput = z.input<typeof AddNoteInput>

export const AssignInput = ActionFields.extend({
  owner: z
    .object({ id: z.string().min(1).optional(), username: z.string().min(1).optional() })
    .refine((o) => o.id !== undefined || o.username !== undefined, {
      message: 'owner needs an id or a username',
    }),
})
export type AssignInput = z.input<typeof AssignInput>

export const AddResponderInput = ActionFields.extend({ responder: AnyResponder })
export type AddResponderInput = z.input<typeof AddResponderInput>

export const EscalateInput = ActionFields.extend({
  escalation: z
    .object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() })
    .refine((e) => e.id !== undefined || e.name !== undefined, {
      message: 'escalation needs an id or a name',
    }),
})
export type EscalateInput = z.input<typeof EscalateInput>

/** Opsgenie refuses an end time that is not at least a moment ahead (go-sdk: 2 s). */
export const SnoozeInput = ActionFields.extend({
  endTime: z
    .union([z.date(), z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' })])
    .transform((t) => (t instanceof Date ? t : new Date(t)))
    .refine((t) => !Number.isNaN(t.getTime()) && t.getTime() >= Date.now() + 2000, {
      message: 'must be at least 2 seconds in the future',
    })
    .transform((t) => t.toISOString()),
})
export type SnoozeInput = z.input<typeof SnoozeInput>

export const UpdatePriorityInput = z.object({ priority: PriorityInput })
export type UpdatePriorityInput = z.input<typeof UpdatePriorityInput>

export const ALERT_SORT_FIELDS = [
  'createdAt',
  'updatedAt',
  'tinyId',
  'alias',
  'message',
  'status',
  'acknowledged',
  'isSeen',
  'snoozed',
  'snoozedUntil',
  'count',
  'lastOccurredAt',
  'source',
  'owner',
  'integration.name',
  'integration.type',
  'report.ackTime',
  'report.closeTime',
  'report.acknowledgedBy',
  'report.closedBy',
] as const

export const ListAlertsInput = PageWindow.extend({
  query: z.string().optional(),
  sort: z.enum(ALERT_SORT_FIELDS, { error: 'is not a sortable alert field' }).optional(),
}).refine((p) => (p.offset ?? 0) + (p.limit ?? 20) <= ALERT_PAGING_CAP, {
  message: `offset + limit must be at most ${ALERT_PAGING_CAP}; narrow the query instead`,
  path: ['offset'],
})
export type ListAlertsInput = z.input<typeof ListAlertsInput>
