import type { Alert } from '../../../shared/domain'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { Envelope } from '../../../shared/ipc/envelope'
import type { WorkspaceConfig } from '../../../shared/ipc/schemas'
import type { DirectorySnapshot } from './retarget-workflows'

/** What the move needs from the JSM site: its alerts (open and closed) and its directory. */
export interface JsmSide {
  readonly alerts: readonly Alert[]
  readonly directory: DirectorySnapshot
}

/** Enough for a responder's cache (the list pages are 100); past it the rest stay unmatched. */
const MAX_ALERTS_PER_STATUS = 5_000

class ReadFailed extends Error {}

function valueOf<T>(what: string, result: Envelope<T>): T {
  if (!result.ok) throw new ReadFailed(`Could not read the JSM ${what}: ${result.error.message}`)
  return result.value
}

/**
 * Checks the token and reads the JSM side under a throwaway workspace id (`probeId`), which is
 * forgotten again whatever happens: the workspace itself is not touched until this succeeded.
 */
export async function readJsmSide(
  api: OndeckApi,
  config: WorkspaceConfig,
  probeId: string,
  apiToken: string,
): Promise<{ ok: true; side: JsmSide } | { ok: false; error: string }> {
  const { relayUrl: _relay, ...rest } = config
  const probe: WorkspaceConfig = { ...rest, id: probeId }
  const workspaceId = probeId
  try {
    const key = await api.workspace.setSecret({
      workspaceId,
      kind: 'api-key',
      value: apiToken,
      host: probe.host,
    })
    if (!key.ok) return { ok: false, error: `Could not store the API token: ${key.error.message}` }
    const connected = await api.workspace.connect({ workspace: probe })
    if (!connected.ok) return { ok: false, error: `Could not connect: ${connected.error.message}` }
    const alerts: Alert[] = []
    for (const query of ['status:open', 'status:closed']) {
      let cursor: string | undefined
      let read = 0
      do {
        const page = valueOf(
          'alerts',
          await api.alerts.list({ workspaceId, query, ...(cursor ? { cursor } : {}) }),
        )
        alerts.push(...page.items)
        read += page.items.length
        cursor = page.next
      } while (cursor !== undefined && read < MAX_ALERTS_PER_STATUS)
    }
    const users = []
    let cursor: string | undefined
    do {
      const page = valueOf(
        'users',
        await api.directory.users({ workspaceId, ...(cursor ? { cursor } : {}) }),
      )
      users.push(...page.items)
      cursor = page.next
    } while (cursor !== undefined)
    const directory: DirectorySnapshot = {
      teams: valueOf('teams', await api.directory.teams({ workspaceId })),
      schedules: valueOf('schedules', await api.directory.schedules({ workspaceId })),
      escalations: valueOf('escalations', await api.directory.escalations({ workspaceId })),
      users,
    }
    return { ok: true, side: { alerts, directory } }
  } catch (error) {
    if (error instanceof ReadFailed) return { ok: false, error: error.message }
    throw error
  } finally {
    await api.workspace.deleteSecrets({ workspaceId })
  }
}
