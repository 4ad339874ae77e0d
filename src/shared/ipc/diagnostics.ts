import { z } from 'zod'
import { ConnectionHealth, WorkspaceConfig, WorkspaceId } from './schemas'

/**
 * What the renderer adds to a diagnostics archive: the state only it holds (settings, outbox,
 * intake). Main adds logs and versions, scrubs every byte of secrets and writes the archive.
 * Bounded so a page cannot make main buffer an unbounded answer.
 */
const Count = z.number().int().nonnegative()
const Text = (max: number) => z.string().max(max)

export const OutboxCommandSummary = z.object({
  id: Text(100),
  workspaceId: WorkspaceId,
  kind: Text(60),
  state: Text(30),
  lane: Text(300),
  attempts: Count,
  createdAt: z.number(),
  updatedAt: z.number(),
  wait: Text(1_000).optional(),
  failure: Text(2_000).optional(),
  /** The note's text, for note commands: the responder's own words, useful to match a report. */
  note: Text(25_000).optional(),
})

export const DiagnosticsReport = z.object({
  settings: z.object({
    workspaces: z
      .array(WorkspaceConfig.extend({ username: Text(200).optional(), addedAt: z.number() }))
      .max(100),
    preferences: z.array(z.object({ key: Text(200), value: z.unknown() })).max(200),
  }),
  outbox: z.object({
    counts: z.record(Text(30), Count),
    commands: z.array(OutboxCommandSummary).max(500),
    pauses: z
      .array(z.object({ workspaceId: WorkspaceId, reason: Text(2_000), since: z.number() }))
      .max(100),
  }),
  intake: z.object({
    health: ConnectionHealth.optional(),
    cursors: z
      .array(z.object({ source: Text(20), cursor: Text(2_000), updatedAt: z.number() }))
      .max(100),
    undecodedEvents: Count,
  }),
  userAgent: Text(500),
})
export type DiagnosticsReport = z.infer<typeof DiagnosticsReport>

/** Where the archive went: the path chosen in the save dialog, or the data folder in browser mode. */
export const DiagnosticsSaved = z.object({ saved: z.boolean(), path: z.string().optional() })

/** One renderer line for main's log (`log:write`). */
export const RendererLogInput = z.object({
  level: z.enum(['error', 'warn', 'info']),
  message: z.string().min(1).max(4_000),
})
