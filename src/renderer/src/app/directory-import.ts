import type { OndeckApi } from '../../../shared/ipc/api'
import type { Envelope } from '../../../shared/ipc/envelope'
import type { Capabilities } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import type { SessionIngest } from './services'

const MAX_PAGES = 20

async function allPages<T>(
  fetch: (cursor?: string) => Promise<Envelope<{ items: T[]; next?: string }>>,
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await fetch(cursor)
    if (!answer.ok) throw new Error(answer.error.message)
    items.push(...answer.value.items)
    cursor = answer.value.next
    if (cursor === undefined) break
  }
  return items
}

function value<T>(answer: Envelope<T>): T {
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

/**
 * Refreshes what webhooks never carry (teams, services, users, schedules, who is on call,
 * escalations, open incidents) on opening a workspace, so those views work offline afterwards.
 * Each part is independent: one failing (a plan without the incident API) leaves the others.
 */
export async function importDirectory(
  api: OndeckApi,
  db: CacheDb,
  ingest: SessionIngest,
  workspaceId: string,
  capabilities: Capabilities | undefined,
): Promise<string[]> {
  const ws = { workspaceId }
  const problems: string[] = []
  const part = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run()
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
    }
  }
  await part('teams', async () => db.teams.bulkPut(value(await api.directory.teams(ws))))
  await part('users', async () =>
    db.users.bulkPut(await allPages((cursor) => api.directory.users({ ...ws, cursor }))),
  )
  await part('escalations', async () =>
    db.escalations.bulkPut(value(await api.directory.escalations(ws))),
  )
  if (capabilities?.services.available !== false) {
    await part('services', async () =>
      db.services.bulkPut(await allPages((cursor) => api.directory.services({ ...ws, cursor }))),
    )
  }
  await part('schedules', async () => {
    const schedules = value(await api.directory.schedules(ws))
    await db.schedules.bulkPut(schedules)
    for (const schedule of schedules) {
      const onCall = await api.directory.onCalls({ ...ws, scheduleId: schedule.id })
      if (onCall.ok) await db.onCalls.put(onCall.value)
    }
  })
  if (capabilities?.incidents.available !== false && ingest.applyIncidents !== undefined) {
    const applyIncidents = ingest.applyIncidents.bind(ingest)
    await part('incidents', async () =>
      applyIncidents(
        await allPages((cursor) => api.incidents.list({ ...ws, query: 'status:open', cursor })),
      ),
    )
  }
  return problems
}
