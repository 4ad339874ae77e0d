import { z } from 'zod'
import { Priority } from './severity'
import { ResponderRef } from './responder'

const IsoTime = z.string().datetime({ offset: true })

export const AlertStatus = z.enum(['open', 'closed'])
export type AlertStatus = z.infer<typeof AlertStatus>

export const Alert = z.object({
  id: z.string().min(1),
  tinyId: z.string(),
  alias: z.string(),
  message: z.string(),
  status: AlertStatus,
  acknowledged: z.boolean(),
  snoozed: z.boolean(),
  snoozedUntil: IsoTime.optional(),
  priority: Priority,
  owner: z.string().optional(),
  tags: z.array(z.string()),
  teams: z.array(z.string()),
  responders: z.array(ResponderRef),
  count: z.number().int().nonnegative(),
  source: z.string().optional(),
  entity: z.string().optional(),
  description: z.string().optional(),
  details: z.record(z.string(), z.string()).optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  lastOccurredAt: IsoTime.optional(),
})
export type Alert = z.infer<typeof Alert>

export const IncidentStatus = z.enum(['open', 'resolved', 'closed'])
export type IncidentStatus = z.infer<typeof IncidentStatus>

export const Incident = z.object({
  id: z.string().min(1),
  tinyId: z.string(),
  message: z.string(),
  description: z.string().optional(),
  status: IncidentStatus,
  priority: Priority,
  tags: z.array(z.string()),
  responders: z.array(ResponderRef),
  impactedServices: z.array(z.string()),
  ownerTeam: z.string().optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
})
export type Incident = z.infer<typeof Incident>

export const Service = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  teamId: z.string().optional(),
  tags: z.array(z.string()),
})
export type Service = z.infer<typeof Service>

export const Team = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
})
export type Team = z.infer<typeof Team>

export const User = z.object({
  id: z.string().min(1),
  username: z.string(),
  fullName: z.string(),
  role: z.string().optional(),
  timeZone: z.string().optional(),
})
export type User = z.infer<typeof User>

export const Rotation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['daily', 'weekly', 'hourly']),
  length: z.number().int().positive(),
  startDate: IsoTime,
  participants: z.array(ResponderRef),
})
export type Rotation = z.infer<typeof Rotation>

export const Schedule = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  timezone: z.string(),
  enabled: z.boolean(),
  ownerTeamId: z.string().optional(),
  rotations: z.array(Rotation),
})
export type Schedule = z.infer<typeof Schedule>

/** Who is on call for one schedule at one moment (usernames, as Opsgenie's flat answer). */
export const OnCall = z.object({
  scheduleId: z.string(),
  scheduleName: z.string(),
  at: IsoTime,
  usernames: z.array(z.string()),
})
export type OnCall = z.infer<typeof OnCall>

export const EscalationRule = z.object({
  condition: z.enum(['if-not-acked', 'if-not-closed']),
  notifyType: z.string(),
  delayMinutes: z.number().nonnegative(),
  recipient: ResponderRef,
})
export type EscalationRule = z.infer<typeof EscalationRule>

export const Escalation = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  ownerTeamId: z.string().optional(),
  rules: z.array(EscalationRule),
})
export type Escalation = z.infer<typeof Escalation>
