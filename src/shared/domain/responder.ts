import { z } from 'zod'

export const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'] as const
export const ResponderType = z.enum(RESPONDER_TYPES)
export type ResponderType = z.infer<typeof ResponderType>

/**
 * Who is notified. Opsgenie addresses a responder by id, or by name (username for users);
 * at least one of the two is required.
 */
export const ResponderRef = z
  .object({
    type: ResponderType,
    id: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
  })
  .refine((r) => r.id !== undefined || r.name !== undefined, {
    message: 'a responder needs an id or a name',
  })
export type ResponderRef = z.infer<typeof ResponderRef>
