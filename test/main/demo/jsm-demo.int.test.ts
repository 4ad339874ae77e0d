import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import { demoLauncher } from '../../../src/main/demo/demo-workspace'
import type {
  ConnectionHealth,
  IntakeEvent,
  WorkspaceConfig,
} from '../../../src/shared/ipc/schemas'
import { createJsmClient, discoverCloudId } from '../../../src/main/gateway/provider/jsm/client'
import { until } from '../gateway/intake/support'

/**
 * The Demo workspace as Jira Service Management (issue 16, "done when"): it connects through the
 * JSM provider, alerts arrive live through the relay (JSM keeps Opsgenie's webhook payloads), an
 * acknowledgement lands once, a team is paged, and an incident is a Jira issue declared and
 * resolved; all against the JSM simulator through the gateway's router.
 */
const APP = { url: 'app://ondeck' }

describe('Demo workspace as JSM through the gateway', () => {
  const demoSecrets = createMemorySecretStore()
  const demo = demoLauncher({ secrets: demoSecrets, trickleMs: 0, provider: 'jsm' })
  const health: ConnectionHealth[] = []
  const events: IntakeEvent[] = []
  let gateway: Gateway
  let workspace: WorkspaceConfig
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const answer = await gateway.router.dispatch(channel, input, APP)
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`)
    return answer.value
  }

  beforeAll(async () => {
    gateway = createGateway({
      secrets: createMemorySecretStore(),
      demoSecrets,
      checkKeychain: async () => ({ available: true }),
      isTrustedSender: (s) => s.url === APP.url,
      openDemo: () => demo.open(),
    })
    gateway.setEventSink((name, payload) => {
      if (name === 'intake:health') health.push(payload as ConnectionHealth)
      if (name === 'intake:event') events.push(payload as IntakeEvent)
    })
    workspace = (await call('workspace:openDemo', {})) as WorkspaceConfig
  })

  afterAll(async () => {
    await gateway?.dispose()
    await demo.close()
  })

  it('connects as JSM, says what the user can do, and streams from its relay', async () => {
    expect(workspace).toMatchObject({ provider: 'jsm', jsm: { incidentProject: 'OPS' } })
    expect(await call('workspace:connect', { workspace })).toMatchObject({
      canWrite: true,
      incidents: { available: true },
      services: { available: false },
    })
    await call('intake:start', { workspaceId: 'demo' })
    await until(() => health.some((h) => h.state === 'live'), 'the demo relay stream to go live')
  })

  it('sees an alert created elsewhere arrive live, acknowledges it once and pages a team', async () => {
    const running = demo.current()
    if (!running) throw new Error('demo not running')
    const elsewhere = createJsmClient({
      apiUrl: running.simulator.url,
      siteUrl: running.simulator.url,
      cloudId: await discoverCloudId(running.simulator.url),
      email: 'demo@example.com',
      apiToken: running.apiKey,
    })
    await elsewhere.alerts.create({
      message: 'Live through the relay',
      alias: 'jsm-live-1',
      priority: 'P1',
    })
    await until(
      () =>
        events.some(
          (e) =>
            e.payload.kind === 'alert-event' &&
            e.payload.action === 'Create' &&
            JSON.stringify(e.payload).includes('Live through the relay'),
        ),
      'the created alert to arrive through the relay',
    )
    const outcome = (await call('alerts:acknowledge', {
      workspaceId: 'demo',
      alertId: 'jsm-live-1',
      by: 'alias',
    })) as { status: string; requestId: string }
    expect(outcome.status).toBe('accepted')
    await until(
      async () =>
        (
          (await call('requests:status', {
            workspaceId: 'demo',
            domain: 'alert',
            requestId: outcome.requestId,
          })) as { status: string }
        ).status === 'confirmed',
      'the acknowledgement to be confirmed',
    )
    await until(
      () =>
        events.some((e) => e.payload.kind === 'alert-event' && e.payload.action === 'Acknowledge'),
      'the Acknowledge webhook through the relay',
    )
    const record = [...running.simulator.state.alerts.values()].find(
      (a) => a.alias === 'jsm-live-1',
    )
    expect(record?.acknowledged).toBe(true)
    expect(record?.logs.filter((l) => l.log.startsWith('Alert acknowledged'))).toHaveLength(1)
    const paged = (await call('alerts:addResponder', {
      workspaceId: 'demo',
      alertId: 'jsm-live-1',
      by: 'alias',
      responder: { type: 'team', name: 'Payments' },
    })) as { status: string }
    expect(paged.status).toBe('accepted')
    await until(
      () => record?.responders.some((r) => r.name === 'Payments') === true,
      'the team to be paged',
    )
  })

  it('declares an incident as a Jira issue and resolves it by the workflow', async () => {
    const created = (await call('incidents:create', {
      workspaceId: 'demo',
      message: 'Payments degraded',
      priority: 'P1',
      responders: [{ type: 'team', name: 'Payments' }],
      tags: ['ondeck-demo-1'],
    })) as { status: string; entityId: string }
    expect(created).toMatchObject({ status: 'confirmed', entityId: expect.stringMatching(/^OPS-/) })
    expect(
      await call('incidents:resolve', { workspaceId: 'demo', incidentId: created.entityId }),
    ).toMatchObject({ status: 'confirmed' })
    expect(
      await call('incidents:get', { workspaceId: 'demo', incidentId: created.entityId }),
    ).toMatchObject({ status: 'resolved', message: 'Payments degraded' })
  })
})
