import { z } from 'zod'
import { Priority } from '../domain'
import { WorkspaceId } from './schemas'

/**
 * `ondeck://alerts?...`: the desktop app's deep link for the alert list's filters, the same
 * fields as browser mode's `#alerts?...` fragment (`status`, `p`, `ack`, `mine`, `team`,
 * `service`, `q`, `sort`) plus `workspace` (which saved workspace to show). Main parses and
 * validates the URL (`src/main/shell/deep-link.ts`); only this normalised form crosses IPC.
 */
export const DEEP_LINK_SCHEME = 'ondeck'

/** The alert list's orders, as the renderer's `ALERT_SORTS` (a test keeps the two equal). */
export const LINK_SORTS = ['needs-action', 'priority', 'newest', 'oldest', 'updated'] as const

/** The query fields an alerts link may carry; anything else makes the link invalid. */
export const ALERTS_LINK_FIELDS = [
  'status',
  'p',
  'ack',
  'mine',
  'team',
  'service',
  'q',
  'sort',
  'workspace',
] as const

const Name = z.string().trim().min(1).max(200)

/** A validated alerts link: what the renderer applies (absent fields mean the defaults). */
export const AlertsLink = z
  .object({
    workspaceId: WorkspaceId.optional(),
    status: z.enum(['open', 'closed', 'all']).optional(),
    priorities: z.array(Priority).max(5).optional(),
    acknowledged: z.enum(['any', 'yes', 'no']).optional(),
    mine: z.boolean().optional(),
    team: Name.optional(),
    service: Name.optional(),
    search: z.string().max(500).optional(),
    sort: z.enum(LINK_SORTS).optional(),
  })
  .strict()
export type AlertsLink = z.infer<typeof AlertsLink>
