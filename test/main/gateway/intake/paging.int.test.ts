import { afterEach, describe, expect, it } from 'vitest'
import {
  createPoller,
  createReconciler,
  type OpenAlertsSnapshot,
  type PolledChange,
  type Poller,
  type Reconciler,
} from '../../../../src/main/gateway/intake'
import { providerFor, roomyGovernor, startStack, until, type Stack } from './support'

let stack: Stack | undefined
let poller: Poller | undefined
let reconciler: Reconciler | undefined
afterEach(async () => {
  await poller?.stop()
  await reconciler?.stop()
  await stack?.close()
  poller = undefined
  reconciler = undefined
  stack = undefined
})

async function createAlerts(s: Stack, names: readonly string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of names) ids.push(await s.createAlert(name))
  return ids
}

describe('paging through many alerts, two per page', () => {
  it('the poller follows pages and emits every change once, oldest update first', async () => {
    stack = await startStack({ webhooks: false })
    const ids = await createAlerts(stack, ['p1', 'p2', 'p3', 'p4', 'p5'])
    const changes: PolledChange[] = []
    poller = createPoller({
      provider: providerFor(stack.client, roomyGovernor()),
      since: { alerts: 0, incidents: 0 },
      intervalMs: 60_000,
      pageLimit: 2,
      onChange: (c) => changes.push(c),
    })
    await poller.pollNow()
    const alerts = changes.flatMap((c) => (c.kind === 'alert' ? [c] : []))
    expect(alerts.map((c) => c.alert.id)).toEqual(ids)
    const marks = alerts.map((c) => c.watermark.alerts)
    expect(marks).toEqual([...marks].sort((a, b) => a - b))
    expect(poller.watermark().alerts).toBe(Date.parse(alerts.at(-1)?.alert.updatedAt ?? ''))

    await stack.settle(stack.client.alerts.acknowledge(ids[1] ?? ''))
    await poller.pollNow()
    const again = changes.slice(alerts.length).flatMap((c) => (c.kind === 'alert' ? [c.alert] : []))
    expect(again.map((a) => [a.id, a.record?.acknowledged])).toEqual([[ids[1], true]])
  })

  it('the reconciler lists every open alert across pages, even while alerts close mid-listing', async () => {
    stack = await startStack({ webhooks: false })
    const ids = await createAlerts(stack, ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'])
    await stack.settle(stack.client.alerts.close(ids[0] ?? ''))
    const snapshots: OpenAlertsSnapshot[] = []
    const s = stack
    let closedDuringListing = false
    // Closing the first open alert while the reconciler is paging: with offset paging, that would
    // shift a later alert out of the listing and the snapshot would wrongly close it.
    const client = {
      ...s.client,
      alerts: {
        ...s.client.alerts,
        list: async (params: Parameters<typeof s.client.alerts.list>[0]) => {
          const page = await s.client.alerts.list(params)
          if (!closedDuringListing) {
            closedDuringListing = true
            await s.settle(s.client.alerts.close(ids[1] ?? ''))
          }
          return page
        },
      },
    }
    reconciler = createReconciler({
      provider: providerFor(client, roomyGovernor()),
      pageLimit: 2,
      onSnapshot: (snap) => snapshots.push(snap),
    })
    await reconciler.run()
    const snapshot = await until(() => snapshots[0], 'the snapshot')
    expect(snapshot.alerts.map((a) => a.id)).toEqual(ids.slice(1)) // o2 was open when listed
  })
})
