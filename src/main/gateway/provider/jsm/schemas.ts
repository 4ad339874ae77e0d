import { z } from 'zod'

/**
 * The JSM answers Ondeck reads, after ../shared/jsm/jsm-ops.v3.json (ops API) and Atlassian's
 * Jira and incidents documentation. Lenient like the Opsgenie schemas: unknown fields pass, gaps
 * get defaults in `to-domain.ts`, so a new field upstream never breaks a read.
 */
const Links = z.object({ next: z.string().nullish() }).partial().nullish()

export const Accepted = z.object({
  result: z.string().optional(),
  requestId: z.string().min(1),
  took: z.number().optional(),
})
export type Accepted = z.infer<typeof Accepted>

export const JsmResponder = z.object({ id: z.string().optional(), type: z.string() })

export const JsmAlert = z.object({
  id: z.string(),
  tinyId: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  message: z.string(),
  entity: z.string().optional(),
  source: z.string().optional(),
  status: z.string().optional(),
  alias: z.string().optional(),
  tags: z.array(z.string()).optional(),
  extraProperties: z.record(z.string(), z.unknown()).optional(),
  description: z.string().optional(),
  acknowledged: z.boolean().optional(),
  count: z.number().optional(),
  owner: z.string().optional(),
  snoozed: z.boolean().optional(),
  snoozedUntil: z.string().optional(),
  lastOccuredAt: z.string().optional(),
  lastOccurredAt: z.string().optional(),
  priority: z.string().optional(),
  responders: z.array(JsmResponder).optional(),
})
export type JsmAlert = z.infer<typeof JsmAlert>

export const AlertList = z.object({
  values: z.array(JsmAlert).default([]),
  count: z.number().optional(),
  links: Links,
})

export const RequestStatus = z.object({
  action: z.string().optional(),
  processedAt: z.string().optional(),
  isSuccess: z.boolean(),
  status: z.string().optional(),
  alertId: z.string().optional(),
  alias: z.string().optional(),
})
export type RequestStatus = z.infer<typeof RequestStatus>

export const AlertNote = z.object({
  id: z.string().optional(),
  createdAt: z.string().optional(),
  note: z.string(),
  owner: z.string().optional(),
})
export const NoteList = z.object({ values: z.array(AlertNote).default([]), links: Links })

export const Teams = z.object({
  platformTeams: z
    .array(z.object({ teamId: z.string(), teamName: z.string().optional() }))
    .default([]),
})

const Rotation = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  startDate: z.string().optional(),
  type: z.string().optional(),
  length: z.number().optional(),
  participants: z.array(JsmResponder).optional(),
})
export const JsmSchedule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  timezone: z.string().optional(),
  enabled: z.boolean().optional(),
  teamId: z.string().optional(),
  rotations: z.array(Rotation).optional(),
})
export type JsmSchedule = z.infer<typeof JsmSchedule>
export const ScheduleList = z.object({ values: z.array(JsmSchedule).default([]), links: Links })

export const OnCallUsers = z.object({ onCallUsers: z.array(z.string()).default([]) })

export const JsmEscalation = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  rules: z
    .array(
      z.object({
        condition: z.string().optional(),
        notifyType: z.string().optional(),
        delay: z.number().optional(),
        recipient: JsmResponder.optional(),
      }),
    )
    .optional(),
})
export type JsmEscalation = z.infer<typeof JsmEscalation>
export const EscalationList = z.object({ values: z.array(JsmEscalation).default([]), links: Links })

/** Jira's user search answers a bare array. */
export const JiraUsers = z.array(
  z.object({
    accountId: z.string(),
    accountType: z.string().optional(),
    displayName: z.string().optional(),
    emailAddress: z.string().optional(),
    active: z.boolean().optional(),
    timeZone: z.string().optional(),
  }),
)
export type JiraUser = z.infer<typeof JiraUsers>[number]

const Named = z.object({ id: z.string().optional(), name: z.string().optional() })
export const JiraIssue = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string().default(''),
      description: z.unknown().optional(),
      status: Named.extend({
        statusCategory: z.object({ key: z.string().optional() }).optional(),
      }).optional(),
      priority: Named.nullish(),
      labels: z.array(z.string()).optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
    })
    .default({ summary: '' }),
})
export type JiraIssue = z.infer<typeof JiraIssue>
/** Jira's priorities, highest first. */
export const JiraPriorities = z.array(z.object({ id: z.string(), name: z.string() }))
export const CreatedIssue = z.object({ id: z.string(), key: z.string() })
export const IssueSearch = z.object({
  issues: z.array(JiraIssue).default([]),
  nextPageToken: z.string().nullish(),
})
export const Transitions = z.object({
  transitions: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().optional(),
        to: z
          .object({
            name: z.string().optional(),
            statusCategory: z.object({ key: z.string().optional() }).optional(),
          })
          .optional(),
      }),
    )
    .default([]),
})
export type Transition = z.infer<typeof Transitions>['transitions'][number]
export const Comments = z.object({
  comments: z
    .array(
      z.object({ id: z.string().optional(), body: z.unknown(), created: z.string().optional() }),
    )
    .default([]),
})
export const IncidentResponders = z.object({
  responders: z.array(z.object({ ari: z.string() })).default([]),
})
export const TenantInfo = z.object({ cloudId: z.string().min(1) })
export const Anything = z.unknown()
