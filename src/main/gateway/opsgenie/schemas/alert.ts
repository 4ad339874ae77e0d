import { z } from 'zod'
import { Paging, ResponderRefOut, TinyId } from './common'

/** List items (BaseAlert, API-NOTES §3.4): lenient, statuses kept as strings. */
export const BaseAlert = z.object({
  id: z.string(),
  tinyId: TinyId.optional(),
  alias: z.string().optional(),
  message: z.string(),
  status: z.string(),
  acknowledged: z.boolean().optional(),
  isSeen: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  snoozed: z.boolean().optional(),
  snoozedUntil: z.string().optional(),
  count: z.number().optional(),
  lastOccurredAt: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  source: z.string().optional(),
  owner: z.string().optional(),
  priority: z.string().optional(),
  teams: z.array(z.unknown()).optional(),
  responders: z.array(ResponderRefOut).optional(),
  integration: z
    .object({ id: z.string().optional(), name: z.string().optional(), type: z.string().optional() })
    .optional(),
  report: z
    .object({
      ackTime: z.number().optional(),
      closeTime: z.number().optional(),
      acknowledgedBy: z.string().optional(),
      closedBy: z.string().optional(),
    })
    .optional(),
})
export type BaseAlert = z.infer<typeof BaseAlert>

/** `GET /v2/alerts/{id}` adds the heavier fields. */
export const AlertDetail = BaseAlert.extend({
  description: z.string().optional(),
  entity: z.string().optional(),
  actions: z.array(z.string()).optional(),
  details: z.record(z.string(), z.string()).optional(),
})
export type AlertDetail = z.infer<typeof AlertDetail>

export const AlertNote = z.object({
  note: z.string(),
  owner: z.string().optional(),
  createdAt: z.string().optional(),
  offset: z.string().optional(),
})
export type AlertNote = z.infer<typeof AlertNote>

export const AlertLog = z.object({
  log: z.string(),
  type: z.string().optional(),
  owner: z.string().optional(),
  createdAt: z.string().optional(),
  offset: z.string().optional(),
})
export type AlertLog = z.infer<typeof AlertLog>

/** Notes and logs page with a string offset cursor (API-NOTES §3.4). */
export const CursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), paging: Paging.optional(), requestId: z.string().optional() })

export const AlertCount = z.object({ count: z.number() })
