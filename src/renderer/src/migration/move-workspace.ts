import type { Alert } from '../../../shared/domain'
import type { OndeckApi } from '../../../shared/ipc/api'
import { WorkspaceConfig, type Capabilities } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import type { CoordinationDb } from '../incidents/coordination/coordination-db'
import type { OutboxDb } from '../outbox/outbox-db'
import type { SettingsDb, WorkspaceEntry } from '../settings/settings-db'
import { parseWorkflow } from '../workflows/workflow-repository'
import { carryAlertHistory } from './carry-history'
import { readJsmSide, type JsmSide } from './read-jsm'
import { matchAlerts, matchedIds, type UnmatchedAlert } from './match-alerts'
import { relinkAlerts } from './relink-incidents'
import { repointOutbox } from './repoint-outbox'
import {
  retargetWorkflows,
  type DirectorySnapshot,
  type UnmatchedTarget,
} from './retarget-workflows'

export interface MoveToJsmInput {
  readonly siteUrl: string
  readonly email: string
  /** Sent to main's keychain (bound to the site) and dropped; never stored in the renderer. */
  readonly apiToken: string
  readonly apiUrl?: string
  readonly incidentProject?: string
}

export interface MoveDeps {
  readonly api: OndeckApi
  readonly settings: SettingsDb
  readonly cache: CacheDb
  readonly coordination: CoordinationDb
  readonly outbox: OutboxDb
}

/** What the responder is shown after the move, and kept in the cache (`MOVE_REPORT_KEY`). */
export interface MoveReport {
  readonly movedAt: number
  readonly alerts: {
    readonly matchedByAlias: number
    readonly matchedByMessage: number
    readonly unmatched: readonly UnmatchedAlert[]
  }
  readonly incidents: {
    readonly relinked: number
    readonly lost: readonly { incidentId: string; alertId: string }[]
  }
  readonly workflows: {
    readonly resolved: number
    readonly changed: number
    readonly unmatched: readonly UnmatchedTarget[]
  }
  /** Commands queued for Opsgenie that now wait for the responder's "send to JSM". */
  readonly outboxHeld: number
  /** Of those, how many were re-pointed from an Opsgenie alert id to its JSM one. */
  readonly outboxRepointed: number
}

export type MoveResult =
  | { ok: true; entry: WorkspaceEntry; capabilities: Capabilities; report: MoveReport }
  | { ok: false; error: string }

export const MOVE_REPORT_KEY = 'migration:jsm'

/** The workspace's config on its JSM site: same id, name and relay; new host and provider. */
export function jsmConfigFor(
  entry: WorkspaceEntry,
  input: MoveToJsmInput,
): { ok: true; config: WorkspaceConfig } | { ok: false; error: string } {
  const parsed = WorkspaceConfig.safeParse({
    ...entry.config,
    host: input.siteUrl.trim().replace(/\/+$/, ''),
    provider: 'jsm',
    jsm: {
      email: input.email.trim(),
      ...(input.apiUrl?.trim() ? { apiUrl: input.apiUrl.trim().replace(/\/+$/, '') } : {}),
      ...(input.incidentProject?.trim() ? { incidentProject: input.incidentProject.trim() } : {}),
    },
  })
  if (parsed.success) return { ok: true, config: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, error: `${issue?.path.join('.') || 'site'}: ${issue?.message ?? 'invalid'}` }
}

/** A throwaway workspace id the token is checked under first, so a bad token changes nothing. */
export const probeIdFor = (id: string): string => `${id.slice(0, 55)}-jsm-move`

/**
 * Moves an Opsgenie workspace to its JSM site, keeping its id (so its cache, outbox and
 * coordination data stay). First, under a throwaway id, the token is stored and checked and the
 * JSM alerts and directory read: if anything fails there, nothing of the workspace has changed.
 * Then the saved config becomes JSM's (from that moment the outbox holds every command queued for
 * Opsgenie), the token is stored for the workspace and it reconnects; last, the local data is
 * matched and carried over, and the report says what was and was not matched.
 */
export async function moveWorkspaceToJsm(
  deps: MoveDeps,
  entry: WorkspaceEntry,
  input: MoveToJsmInput,
  now: () => number = Date.now,
): Promise<MoveResult> {
  if ((entry.config.provider ?? 'opsgenie') !== 'opsgenie')
    return { ok: false, error: `${entry.config.name} is already on Jira Service Management` }
  if (entry.config.demo)
    return {
      ok: false,
      error: 'the Demo workspace cannot be moved: its secrets are made by Ondeck',
    }
  const made = jsmConfigFor(entry, input)
  if (!made.ok) return made
  const { config } = made
  const { api } = deps

  const jsm = await readJsmSide(api, config, probeIdFor(entry.id), input.apiToken)
  if (!jsm.ok) return jsm

  // From this write on the outbox holds what was queued for Opsgenie (provider-guard.ts).
  await deps.settings.workspaces.put({
    ...entry,
    config,
    username: entry.username ?? config.jsm?.email,
  })
  const key = await api.workspace.setSecret({
    workspaceId: entry.id,
    kind: 'api-key',
    value: input.apiToken,
    host: config.host,
  })
  if (!key.ok) {
    await deps.settings.workspaces.put(entry)
    return { ok: false, error: `Could not store the API token: ${key.error.message}` }
  }
  const connected = await api.workspace.connect({ workspace: config })
  if (!connected.ok)
    return {
      ok: false,
      error: `${entry.config.name} is set for Jira Service Management but did not connect (${connected.error.message}); its Opsgenie key was replaced: use Validate or Re-enter key`,
    }
  const report = await carryLocalData(deps, entry.id, jsm.side, now())
  // Reconnecting stopped intake; it resumes from the stored cursor (as a session starts it) only
  // now, so its first reconciliation sees the alerts already under their JSM ids.
  const cursor = await deps.cache.cursors.get(config.relayUrl !== undefined ? 'relay' : 'poll')
  const intake = await api.intake.start({
    workspaceId: entry.id,
    ...(cursor !== undefined ? { cursor: cursor.cursor } : {}),
  })
  if (!intake.ok)
    return {
      ok: false,
      error: `${entry.config.name} moved to Jira Service Management, but receiving events did not start (${intake.error.message}): open it again`,
    }
  const saved = (await deps.settings.workspaces.get(entry.id)) ?? { ...entry, config }
  return { ok: true, entry: saved, capabilities: connected.value, report }
}

async function cachedDirectory(cache: CacheDb): Promise<DirectorySnapshot> {
  const [teams, schedules, escalations, users] = await Promise.all([
    cache.teams.toArray(),
    cache.schedules.toArray(),
    cache.escalations.toArray(),
    cache.users.toArray(),
  ])
  return { teams, schedules, escalations, users }
}

/** Matching and carrying the local data over, once the workspace is on JSM. */
export async function carryLocalData(
  deps: Pick<MoveDeps, 'cache' | 'coordination' | 'outbox'>,
  workspaceId: string,
  jsm: JsmSide,
  movedAt: number,
): Promise<MoveReport> {
  const { cache, coordination, outbox } = deps
  const before = await cache.alerts.toArray()
  const matching = matchAlerts(before, jsm.alerts)
  const byId = new Map<string, Alert>(jsm.alerts.map((a) => [a.id, a]))
  await carryAlertHistory(cache, matching.matched, byId)

  const ids = matchedIds(matching)
  const links = await coordination.linkedAlerts.toArray()
  const relink = relinkAlerts(links, ids)
  await coordination.transaction('rw', coordination.linkedAlerts, async () => {
    await coordination.linkedAlerts.bulkDelete([...relink.removedKeys])
    await coordination.linkedAlerts.bulkPut([...relink.rows])
  })

  const rows = await coordination.workflows.where('workspaceId').equals(workspaceId).toArray()
  const workflows = rows.map(({ workspaceId: _w, ...w }) => parseWorkflow(w))
  const retarget = retargetWorkflows(workflows, await cachedDirectory(cache), jsm.directory)
  await coordination.workflows.bulkPut(retarget.changed.map((w) => ({ ...w, workspaceId })))

  const outboxed = await repointOutbox(outbox, workspaceId, ids)
  const report: MoveReport = {
    movedAt,
    alerts: {
      matchedByAlias: matching.matched.filter((m) => m.by === 'alias').length,
      matchedByMessage: matching.matched.filter((m) => m.by === 'message-time').length,
      unmatched: matching.unmatched,
    },
    incidents: { relinked: relink.relinked, lost: relink.lost },
    workflows: {
      resolved: retarget.resolved,
      changed: retarget.changed.length,
      unmatched: retarget.unmatched,
    },
    outboxHeld: outboxed.held,
    outboxRepointed: outboxed.repointed,
  }
  await cache.settings.put({ key: MOVE_REPORT_KEY, value: report })
  return report
}
