import Dexie from 'dexie'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { Capabilities, WorkspaceConfig } from '../../../shared/ipc/schemas'
import { cacheDbName } from '../db/cache-db'
import type { SettingsDb, WorkspaceEntry } from '../settings/settings-db'

export type SetupResult =
  { ok: true; entry: WorkspaceEntry; capabilities: Capabilities } | { ok: false; error: string }

export interface NewWorkspace {
  readonly config: WorkspaceConfig
  readonly apiKey: string
  readonly relayToken?: string
  readonly username?: string
}

/**
 * Adds a workspace: the API key (and relay token) go to main's keychain once, each with the host
 * (relay URL) it may be sent to, and are never kept here; `workspace:connect` then proves the key
 * works and says what it may do. Main refuses a later connect that names another host, so moving
 * a workspace means entering its key again. Only a workspace that connected is saved; one that
 * did not has its secrets removed again.
 */
export async function addWorkspace(
  api: OndeckApi,
  settings: SettingsDb,
  next: NewWorkspace,
): Promise<SetupResult> {
  const workspaceId = next.config.id
  const { host, relayUrl } = next.config
  const key = await api.workspace.setSecret({
    workspaceId,
    kind: 'api-key',
    value: next.apiKey,
    host,
  })
  if (!key.ok) return { ok: false, error: `Could not store the API key: ${key.error.message}` }
  if (next.relayToken !== undefined && relayUrl !== undefined) {
    const token = await api.workspace.setSecret({
      workspaceId,
      kind: 'relay-token',
      value: next.relayToken,
      relayUrl,
    })
    if (!token.ok)
      return { ok: false, error: `Could not store the relay token: ${token.error.message}` }
  }
  const connected = await api.workspace.connect({ workspace: next.config })
  if (!connected.ok) {
    await api.workspace.deleteSecrets({ workspaceId })
    return { ok: false, error: `Could not connect: ${connected.error.message}` }
  }
  const entry: WorkspaceEntry = {
    id: workspaceId,
    config: next.config,
    addedAt: Date.now(),
    ...(next.username !== undefined ? { username: next.username } : {}),
  }
  await settings.workspaces.put(entry)
  return { ok: true, entry, capabilities: connected.value }
}

/** Starts the Demo workspace in main (simulator + relay, throwaway secrets) and saves it. */
export async function addDemoWorkspace(api: OndeckApi, settings: SettingsDb): Promise<SetupResult> {
  const demo = await api.workspace.openDemo({})
  if (!demo.ok)
    return { ok: false, error: `Could not open the Demo workspace: ${demo.error.message}` }
  const connected = await api.workspace.connect({ workspace: demo.value })
  if (!connected.ok)
    return {
      ok: false,
      error: `Could not connect to the Demo workspace: ${connected.error.message}`,
    }
  const existing = await settings.workspaces.get(demo.value.id)
  const entry: WorkspaceEntry = {
    ...existing,
    id: demo.value.id,
    config: demo.value,
    addedAt: existing?.addedAt ?? Date.now(),
  }
  await settings.workspaces.put(entry)
  return { ok: true, entry, capabilities: connected.value }
}

/** Checks a saved workspace still connects, and what its key may do now. */
export async function validateWorkspace(
  api: OndeckApi,
  entry: WorkspaceEntry,
): Promise<SetupResult> {
  const connected = await api.workspace.connect({ workspace: entry.config })
  return connected.ok
    ? { ok: true, entry, capabilities: connected.value }
    : { ok: false, error: connected.error.message }
}

/** Forgets a workspace everywhere: its secrets in main, its entry, and its local cache. */
export async function removeWorkspace(
  api: OndeckApi,
  settings: SettingsDb,
  workspaceId: string,
): Promise<string | undefined> {
  const deleted = await api.workspace.deleteSecrets({ workspaceId })
  await settings.workspaces.delete(workspaceId)
  await Dexie.delete(cacheDbName(workspaceId))
  return deleted.ok
    ? undefined
    : `The workspace was removed, but its secrets could not be: ${deleted.error.message}`
}

export function describeCapabilities(c: Capabilities): string[] {
  // the limits too (a team key: own team only, no user list, ...): every screen that shows a
  // key's capabilities (connect, settings, re-enter key) then says what the key cannot do
  return [
    `Key: ${c.keyKind}${c.account !== undefined ? ` (account ${c.account})` : ''}${c.plan !== undefined ? `, plan ${c.plan}` : ''}`,
    c.canWrite
      ? 'Can act on alerts'
      : `Read-only: ${c.readOnlyReason ?? 'this key cannot change alerts'}`,
    c.incidents.available
      ? 'Incidents available'
      : `Incidents unavailable${c.incidents.reason ? `: ${c.incidents.reason}` : ''}`,
    c.services.available
      ? 'Services available'
      : `Services unavailable${c.services.reason ? `: ${c.services.reason}` : ''}`,
    ...(c.limits ?? []),
  ]
}
