import { z } from 'zod'

/**
 * Opsgenie's alert and incident records as its REST API returns them (API-NOTES §3.4, §4): lenient
 * (statuses as free strings, most fields optional, unknown keys stripped), because Opsgenie adds
 * fields over time and a new field must never break a responder's client. The client's schemas and
 * the feed read them; the renderer sees only the domain records they map to.
 */

/** Tiny ids are numeric strings; tolerate a number too. */
export const TinyId = z.union([z.string(), z.number()]).transform(String)

export const ResponderRefOut = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
})
export type ResponderRefOut = z.infer<typeof ResponderRefOut>

/** List items (BaseAlert). */
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

/** Incident record; `extraProperties` is how details come back. */
export const IncidentRecord = z.object({
  id: z.string(),
  tinyId: TinyId.optional(),
  message: z.string(),
  description: z.string().optional(),
  status: z.string(),
  tags: z.array(z.string()).optional(),
  priority: z.string().optional(),
  ownerTeam: z.string().optional(),
  responders: z.array(ResponderRefOut).optional(),
  extraProperties: z.record(z.string(), z.string()).optional(),
  impactedServices: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  links: z.object({ web: z.string().optional(), api: z.string().optional() }).optional(),
})
export type IncidentRecord = z.infer<typeof IncidentRecord>
