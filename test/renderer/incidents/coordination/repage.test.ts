import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../../src/shared/domain'
import { toAlertRow } from '../../../../src/renderer/src/db/derive'
import { ok } from '../../../../src/shared/ipc/envelope'
import type { CoordinationPort } from '../../../../src/renderer/src/incidents/coordination/context'
import { freshDb as freshCache } from '../../sync/support'
import { created, localCoordination } from './unit-support'

/** Opsgenie answers an alert's responders by id only. */
const monitorAlert = (): Alert => ({
  ...created('cpu-high').alert,
  id: 'a-monitor',
  responders: [{ type: 'team', id: 't-ops' }],
})

async function directoryCache(): Promise<Awaited<ReturnType<typeof freshCache>>> {
  const cache = await freshCache()
  await cache.teams.put({ id: 't-ops', name: 'Ops' })
  await cache.users.put({ id: 'u-alice', username: 'alice@example.com', fullName: 'Alice' })
  return cache
}

const liveAlerts = (alerts: Alert[]): Partial<CoordinationPort> => ({
  alerts: {
    get: async (input) =>
      ok(alerts.find((a) => (input.by === 'alias' ? a.alias : a.id) === input.alertId) ?? null),
  },
})

describe('the re-page rule', () => {
  it('does not page a team already on an attached alert, named where the alert has its id', async () => {
    const cache = await directoryCache()
    const { coordination: c, queued } = await localCoordination({
      cache,
      port: liveAlerts([monitorAlert()]),
    })
    const i = await c.declare({ title: 'CPU', severity: 'High' })
    await c.attachAlert(i.id, { alertId: 'a-monitor' })
    const r = await c.page(i.id, [
      { type: 'team', name: 'ops' },
      { type: 'user', name: 'alice@example.com' },
    ])
    expect(r.skipped).toEqual([{ type: 'team', name: 'ops' }])
    expect(r.paged).toEqual([{ type: 'user', name: 'alice@example.com' }])
    expect(await queued()).toEqual(['alerts:create'])
  })

  it('reads the live alert: a responder added in Opsgenie counts, a closed alert does not', async () => {
    const cache = await directoryCache()
    const live: Alert[] = []
    const { coordination: c, queued } = await localCoordination({ cache, port: liveAlerts(live) })
    const i = await c.declare({ title: 'Disk', severity: 'High' })
    const first = await c.page(i.id, [{ type: 'team', name: 'Ops' }])
    live.push({
      ...created(String(first.alias)).alert,
      responders: [
        { type: 'team', id: 't-ops' },
        { type: 'user', id: 'u-alice' },
      ],
    })
    const again = await c.page(i.id, [{ type: 'user', name: 'alice@example.com' }])
    expect(again.commandId).toBeUndefined()
    live[0] = { ...(live[0] as Alert), status: 'closed' }
    const afterClose = await c.page(i.id, [{ type: 'user', name: 'alice@example.com' }])
    expect(afterClose.commandId).toBeDefined()
    expect(await queued()).toEqual(['alerts:create', 'alerts:create'])
  })

  it('uses the cached alert when main cannot be asked', async () => {
    const cache = await directoryCache()
    await cache.alerts.put(toAlertRow(monitorAlert()))
    const { coordination: c, queued } = await localCoordination({
      cache,
      port: {
        alerts: {
          get: async () => {
            throw new Error('main is not reachable')
          },
        },
      },
    })
    const i = await c.declare({ title: 'CPU', severity: 'High' })
    await c.attachAlert(i.id, { alertId: 'a-monitor' })
    const r = await c.page(i.id, [{ type: 'team', id: 't-ops' }])
    expect(r.commandId).toBeUndefined()
    expect(await queued()).toEqual([])
  })
})
