/**
 * The page the cache benchmark drives: the renderer's real `CacheDb`, `createIngest` and queries
 * running in Chromium's IndexedDB, served from the same origin as the built app so the app finds
 * the cache and the saved workspace this page leaves behind.
 */
import { PREFERENCE_KEYS, writePreference } from '../../src/renderer/src/settings/preferences'
import { SettingsDb } from '../../src/renderer/src/settings/settings-db'
import { CacheDb } from '../../src/renderer/src/db/cache-db'
import { readTopAlerts } from '../../src/renderer/src/db/alert-reads'
import { createIngest } from '../../src/renderer/src/sync'
import { createEvents } from './events'
import { HARNESS_GLOBAL, type HarnessApi } from './harness-api'
import { round, startBlockingProbe } from './probes'

const api: HarnessApi = {
  async ingest(workspaceId, count, chunkSize) {
    await new CacheDb(workspaceId).delete()
    const db = await new CacheDb(workspaceId).openOrExplain()
    const events = createEvents(workspaceId, count)
    const ingest = createIngest(db, chunkSize === undefined ? {} : { chunkSize })
    // Let the event building (a long task of its own) finish before the probes start.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const probe = startBlockingProbe()
    const start = performance.now()
    const result = await ingest.applyBatch(events)
    const ms = performance.now() - start
    const blocking = probe.stop()
    const storedAlerts = await db.alerts.count()
    db.close()
    return {
      workspaceId,
      alerts: count,
      ms: round(ms),
      applied: result.applied,
      diagnostics: result.diagnostics,
      storedAlerts,
      blocking,
    }
  },

  async storageFloor(sourceId, targetId) {
    const source = await new CacheDb(sourceId).openOrExplain()
    const [alerts, activity, seen] = await Promise.all([
      source.alerts.toArray(),
      source.activity.toArray(),
      source.seenEvents.toArray(),
    ])
    source.close()
    await new CacheDb(targetId).delete()
    const db = await new CacheDb(targetId).openOrExplain()
    const timed = async (work: () => Promise<unknown>): Promise<number> => {
      const start = performance.now()
      await work()
      return round(performance.now() - start)
    }
    const bulkGetMissesMs = await timed(() =>
      db.transaction('r', [db.alerts, db.activity, db.seenEvents], () =>
        Promise.all([
          db.alerts.bulkGet(alerts.map((a) => a.id)),
          db.activity.bulkGet(activity.map((a) => a.id)),
          db.seenEvents.bulkGet(seen.map((s) => s.key)),
        ]),
      ),
    )
    const floor = {
      alerts: alerts.length,
      bulkPutAlertsMs: await timed(() => db.alerts.bulkPut(alerts)),
      bulkPutActivityMs: await timed(() => db.activity.bulkPut(activity)),
      bulkPutSeenMs: await timed(() => db.seenEvents.bulkPut(seen)),
      bulkGetMissesMs,
      bulkPutMinimalRowsMs: await timed(() =>
        db.settings.bulkPut(alerts.map((a) => ({ key: a.id, value: 0 }))),
      ),
    }
    db.close()
    await new CacheDb(targetId).delete()
    return floor
  },

  async query(workspaceId, runs, warmup) {
    const db = await new CacheDb(workspaceId).openOrExplain()
    for (let i = 0; i < warmup; i++) await readTopAlerts(db, 'open', 100)
    const timesMs: number[] = []
    const probe = startBlockingProbe()
    let last: Awaited<ReturnType<typeof readTopAlerts>> = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      last = await readTopAlerts(db, 'open', 100)
      timesMs.push(round(performance.now() - start))
    }
    const blocking = probe.stop()
    db.close()
    return {
      runs,
      blocking,
      timesMs,
      returned: last.length,
      head: last
        .slice(0, 3)
        .map((r) => ({ id: r.id, priority: r.priority, createdMs: r.createdMs })),
    }
  },

  async saveWorkspace(workspaceId, name) {
    const settings = await new SettingsDb().openOrExplain()
    await settings.workspaces.put({
      id: workspaceId,
      config: { id: workspaceId, name, host: 'us', relayUrl: 'http://127.0.0.1:9/', demo: false },
      username: 'ana@example.com',
      addedAt: Date.now(),
    })
    await writePreference(settings, PREFERENCE_KEYS.lastWorkspaceId, workspaceId)
    settings.close()
  },
}

Object.assign(window, { [HARNESS_GLOBAL]: api })
const status = document.getElementById('status')
if (status !== null) status.textContent = 'harness ready'
