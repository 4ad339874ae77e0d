import { z } from 'zod'
import { ResponderRefOut, TinyId } from './common'

/** Incident record (API-NOTES §4); `extraProperties` is how details come back. */
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
