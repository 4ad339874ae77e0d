import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import {
  createDeletionConfirmer,
  createIngest,
  type DeletionConfirmer,
} from '../../../src/renderer/src/sync'
import type { Alert } from '../../../src/shared/domain'
import { API_KEY, startRig, until, type Rig } from '../outbox/support'
import { freshDb, relayEvent, webhook } from './support'

/**
 * A Delete webhook hides an alert only once Opsgenie confirms it is gone. The reads go through the
 * real gateway (client, governor, IPC router) to the simulator on 127.0.0.1.
 */
describe('Delete webhooks are confirmed through the API', () => {
  let rig: Rig | undefined
  const confirmers: DeletionConfirmer[] = []
  afterEach(async () => {
    confirmers.splice(0).forEach((c) => c.stop())
    await rig?.close()
    rig = undefined
  })

  /** A real alert in the simulator, cached the way a poll would cache it. */
  async function setup(): Promise<{ rig: Rig; db: CacheDb; alert: Alert; now: { ms: number } }> {
    rig = await startRig()
    const { port, workspaceId } = rig
    const created = await port.alerts.create({ workspaceId, message: 'Real P1', alias: 'real-p1' })
    expect(created.ok).toBe(true)
    let alert: Alert | null = null
    await until('the alert exists', async () => {
      const got = await port.alerts.get({ workspaceId, alertId: 'real-p1', by: 'alias' })
      alert = got.ok ? got.value : null
      return alert !== null
    })
    const db = await freshDb()
    const now = { ms: Date.now() }
    await createIngest(db, { now: () => now.ms }).applyAlerts([alert as unknown as Alert])
    return { rig, db, alert: alert as unknown as Alert, now }
  }

  const confirmerFor = (r: Rig, db: CacheDb, now: { ms: number }): DeletionConfirmer => {
    const confirmer = createDeletionConfirmer(db, {
      read: (alertId) => r.port.alerts.get({ workspaceId: r.workspaceId, alertId }),
      now: () => now.ms,
    })
    confirmers.push(confirmer)
    return confirmer
  }

  const deleteWebhook = (id: string, at: number) =>
    relayEvent(webhook('Delete', id, `${BigInt(at) * 1_000_000n}`), at)

  it('a forged Delete, while the API still returns the alert, leaves it visible and restores it', async () => {
    const { rig, db, alert, now } = await setup()
    const ingest = createIngest(db, { now: () => now.ms })
    await ingest.applyBatch([deleteWebhook(alert.id, now.ms)])
    expect(await db.alerts.get(alert.id)).toMatchObject({ deletion: 'pending', status: 'open' })

    const run = await confirmerFor(rig, db, now).run()
    expect(run).toMatchObject({ restored: [alert.id], gone: [], unconfirmed: [] })
    const row = await db.alerts.get(alert.id)
    expect(row).toMatchObject({ status: 'open', message: 'Real P1' })
    expect(row?.deletion).toBeUndefined()
    expect(await db.seenEvents.count()).toBe(0) // no tombstone: later events still apply
    const [diagnostic] = await db.diagnostics.toArray()
    expect(diagnostic?.reason).toMatch(/Delete .*not confirmed.*still returns the alert/)
    expect(await confirmerFor(rig, db, now).run()).toMatchObject({ restored: [], gone: [] })
  })

  it('a real Delete (the API answers 404) hides the alert for good', async () => {
    const { rig, db, alert, now } = await setup()
    const deleted = await fetch(`${rig.sim.url}/v2/alerts/${alert.id}`, {
      method: 'DELETE',
      headers: { Authorization: `GenieKey ${API_KEY}` },
    })
    expect(deleted.status).toBe(202)
    await until('the alert is gone upstream', async () => {
      const got = await rig.port.alerts.get({ workspaceId: rig.workspaceId, alertId: alert.id })
      return got.ok && got.value === null
    })
    const ingest = createIngest(db, { now: () => now.ms })
    await ingest.applyBatch([deleteWebhook(alert.id, now.ms)])
    expect(await db.alerts.get(alert.id)).toMatchObject({ deletion: 'pending' })

    expect(await confirmerFor(rig, db, now).run()).toMatchObject({ gone: [alert.id] })
    expect(await db.alerts.get(alert.id)).toBeUndefined()
    // A late event does not bring it back.
    await ingest.applyBatch([
      relayEvent(
        webhook('AddNote', alert.id, `${BigInt(now.ms + 1) * 1_000_000n}`, { note: 'late' }),
      ),
    ])
    expect(await db.alerts.get(alert.id)).toBeUndefined()
  })

  it('brings back an alert a forged Delete hid before deletions were confirmed (schema 1)', async () => {
    const { rig, alert, now } = await setup()
    const id = `heal-${randomUUID().slice(0, 8)}`
    const v1 = await new CacheDb(id, 1).openOrExplain()
    await v1.seenEvents.put({ key: `deleted|${alert.id}`, at: now.ms - 60_000 })
    v1.close()

    const db = await new CacheDb(id).openOrExplain()
    expect(await db.alerts.get(alert.id)).toBeUndefined()
    expect(await confirmerFor(rig, db, now).run()).toMatchObject({ restored: [alert.id] })
    expect(await db.alerts.get(alert.id)).toMatchObject({ message: 'Real P1', status: 'open' })
    expect(await db.seenEvents.count()).toBe(0)
  })

  it('offline, keeps the alert shown as "deletion unconfirmed" until the API answers', async () => {
    const { rig, db, alert, now } = await setup()
    const ingest = createIngest(db, { now: () => now.ms })
    await ingest.applyBatch([deleteWebhook(alert.id, now.ms)])
    rig.sim.setFaults({ resetRate: 1 })
    const confirmer = confirmerFor(rig, db, now)
    expect(await confirmer.run()).toMatchObject({ unconfirmed: [alert.id] })
    expect(await db.alerts.get(alert.id)).toMatchObject({ deletion: 'unconfirmed' })
    // Back online, but before the retry is due: nothing is asked yet.
    rig.sim.setFaults({})
    expect(await confirmer.run()).toMatchObject({ gone: [], restored: [], unconfirmed: [] })
    now.ms += 10 * 60_000
    expect(await confirmer.run()).toMatchObject({ restored: [alert.id] })
    expect((await db.alerts.get(alert.id))?.deletion).toBeUndefined()
  })
})
