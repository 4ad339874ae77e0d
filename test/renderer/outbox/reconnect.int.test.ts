import { afterEach, describe, expect, it } from 'vitest'
import { createOutboxEngine, type OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import type { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxSettingsInput } from '../../../src/renderer/src/outbox/settings'
import { startSimulator } from '../../../src/simulator/index'
import { startNetworkCut, type NetworkCut } from '../../support/network-cut'
import { API_KEY, connectRig, freshDb, startTestRelay, until, type Rig } from './support'

/**
 * "The network came back: send now" (issue 12, item 1). The gateway reaches the simulator through
 * a proxy whose network is cut and restored; the backoff is a minute, so a command sent within
 * seconds of the network's return went because of a sign of life, not because its wait ended.
 */
const BUDGET = {
  alert: { perSecond: 100, perMinute: 6000 },
  incident: { perSecond: 100, perMinute: 6000 },
}
const MINUTE_BACKOFF: OutboxSettingsInput = {
  backoffBaseMs: 60_000,
  backoffCapMs: 60_000,
  followIntervalMs: 5,
}

describe('the outbox sends the moment the network returns', () => {
  let rig: Rig | undefined
  let net: NetworkCut | undefined
  let engine: OutboxEngine | undefined
  afterEach(async () => {
    engine?.stop()
    await rig?.close()
    await net?.close()
    rig = undefined
  })

  async function setup(
    settings: OutboxSettingsInput,
  ): Promise<{ rig: Rig; net: NetworkCut; db: OutboxDb; engine: OutboxEngine; alerts: string[] }> {
    const sim = await startSimulator({
      keys: [{ key: API_KEY, kind: 'global' }],
      seed: 'empty',
      processingDelayMs: 2,
    })
    net = await startNetworkCut(sim.url)
    rig = await connectRig(sim, BUDGET, { host: net.url })
    const alerts: string[] = []
    for (const alias of ['disk', 'cpu']) {
      await rig.port.alerts.create({ workspaceId: rig.workspaceId, message: alias, alias })
      let id = ''
      const live = rig
      await until(`alert ${alias}`, () => {
        id = [...live.sim.state.alerts.values()].find((a) => a.alias === alias)?.id ?? ''
        return id !== ''
      })
      alerts.push(id)
    }
    const db = await freshDb()
    // jitter in the upper half: a wait that ends by itself ends 30-60 s later
    engine = createOutboxEngine({
      db,
      port: rig.port,
      workspaceId: rig.workspaceId,
      settings,
      random: () => 0.5 + Math.random() * 0.499,
    })
    await engine.start()
    return { rig, net, db, engine, alerts }
  }

  const waitingForNetwork = (db: OutboxDb, n: number) => async () =>
    (await db.commands.toArray()).filter((c) => c.wait?.reason === 'offline').length === n
  const allConfirmed = (db: OutboxDb) => async () =>
    (await db.commands.toArray()).every((c) => c.state === 'confirmed')

  it('a probe finds the network back and wakes every lane: both actions land once, long before their backoff ends', async () => {
    const { rig, net, db, engine, alerts } = await setup({
      ...MINUTE_BACKOFF,
      probeIntervalMs: 200,
    })
    await net.cut()
    for (const alertId of alerts)
      await engine.enqueue({ kind: 'alerts:acknowledge', input: { alertId } })
    await until('both wait for the network', waitingForNetwork(db, 2))
    await net.restore()
    await until('both confirmed', allConfirmed(db), 15_000)
    for (const alertId of alerts) expect(rig.sim.state.alerts.get(alertId)?.acknowledged).toBe(true)
    // each applied once (connecting checks the key with an acknowledgement of no alert)
    const applied = [...rig.sim.state.requests.values()].filter(
      (r) => r.action === 'Acknowledge' && r.processed?.isSuccess === true,
    )
    expect(applied.map((r) => r.processed?.alias).sort()).toEqual(['cpu', 'disk'])
  })

  it('a sign of life from outside (the OS online, the relay back) wakes the lanes without waiting for a probe', async () => {
    const { rig, net, db, engine, alerts } = await setup({
      ...MINUTE_BACKOFF,
      probeIntervalMs: 600_000,
    })
    const alertId = alerts[0] ?? ''
    await net.cut()
    await engine.enqueue({ kind: 'alerts:acknowledge', input: { alertId } })
    await until('it waits for the network', waitingForNetwork(db, 1))
    await net.restore()
    engine.wake()
    await until('confirmed', allConfirmed(db), 15_000)
    expect(rig.sim.state.alerts.get(alertId)?.acknowledged).toBe(true)
  })

  it('an answer from Opsgenie reconnects a relay stream waiting out its backoff', async () => {
    const relay = await startTestRelay()
    const sim = await startSimulator({
      keys: [{ key: API_KEY, kind: 'global' }],
      seed: 'empty',
      webhook: relay.webhook,
    })
    const relayNet = await startNetworkCut(relay.device.url)
    net = relayNet
    // a minute between reconnection attempts: only a sign of life brings the stream back sooner
    rig = await connectRig(sim, BUDGET, {
      relay: { url: relayNet.url, token: relay.device.token },
      intakeTuning: { backoff: { initialMs: 60_000, maxMs: 60_000 } },
    })
    const live = rig
    const health = async (): Promise<string | undefined> => {
      const answer = await live.api.intake.health({ workspaceId: live.workspaceId })
      return answer.ok ? answer.value.state : undefined
    }
    await live.api.intake.start({ workspaceId: live.workspaceId })
    await until('live', async () => (await health()) === 'live')
    await relayNet.cut()
    await until('the stream noticed', async () => (await health()) !== 'live')
    await relayNet.restore()
    // any request Opsgenie answers
    const answer = await live.api.alerts.list({ workspaceId: live.workspaceId })
    expect(answer.ok).toBe(true)
    await until('live again', async () => (await health()) === 'live', 10_000)
    await relay.relay.close()
  })
})
