import { z } from 'zod'

const Named = z.object({ id: z.string().optional(), name: z.string().optional() })

export const ServiceRecord = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  teamId: z.string().optional(),
  tags: z.array(z.string()).optional(),
  visibility: z.string().optional(),
  isExternal: z.boolean().optional(),
})
export type ServiceRecord = z.infer<typeof ServiceRecord>

export const TeamRecord = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  members: z
    .array(
      z.object({
        user: z.object({ id: z.string().optional(), username: z.string().optional() }).optional(),
        role: z.string().optional(),
      }),
    )
    .optional(),
})
export type TeamRecord = z.infer<typeof TeamRecord>

export const UserRecord = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string().optional(),
  role: Named.optional(),
  blocked: z.boolean().optional(),
  verified: z.boolean().optional(),
  timeZone: z.string().optional(),
  locale: z.string().optional(),
  tags: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
})
export type UserRecord = z.infer<typeof UserRecord>

export const Rotation = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  type: z.string().optional(),
  length: z.number().optional(),
  participants: z
    .array(
      z.object({
        type: z.string(),
        id: z.string().optional(),
        name: z.string().optional(),
        username: z.string().optional(),
      }),
    )
    .optional(),
})

export const ScheduleRecord = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  timezone: z.string().optional(),
  enabled: z.boolean().optional(),
  ownerTeam: Named.optional(),
  rotations: z.array(Rotation).optional(),
})
export type ScheduleRecord = z.infer<typeof ScheduleRecord>

export const FlatOnCalls = z.object({
  _parent: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      enabled: z.boolean().optional(),
    })
    .optional(),
  onCallRecipients: z.array(z.string()).default([]),
})
export type FlatOnCalls = z.infer<typeof FlatOnCalls>

export const EscalationRecord = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  ownerTeam: Named.optional(),
  rules: z.array(z.record(z.string(), z.unknown())).optional(),
  repeat: z.record(z.string(), z.unknown()).optional(),
})
export type EscalationRecord = z.infer<typeof EscalationRecord>

export const Account = z.object({
  name: z.string(),
  userCount: z.number().optional(),
  plan: z
    .object({
      name: z.string().optional(),
      maxUserCount: z.number().optional(),
      isYearly: z.boolean().optional(),
    })
    .optional(),
})
export type Account = z.infer<typeof Account>

export const RequestLimits = z.object({
  rateLimits: z.array(
    z.object({
      domain: z.string(),
      limits: z.array(z.object({ limit: z.number(), periodInSeconds: z.number() })),
    }),
  ),
})
export type RequestLimits = z.infer<typeof RequestLimits>
