import { describe, expect, it } from 'vitest'
import { created, localCoordination } from './unit-support'

describe('severity follows onto paged alerts', () => {
  it('moves the open alerts the incident paged, not attached or closed ones, and says so', async () => {
    const { coordination: c, outboxDb } = await localCoordination()
    const i = await c.declare({ title: 'Checkout down', severity: 'High' })
    const first = await c.page(i.id, [{ type: 'team', name: 'Ops' }])
    const second = await c.page(i.id, [{ type: 'team', name: 'Web' }])
    await c.attachAlert(i.id, { alertId: 'a-monitor', message: 'CPU high' })
    // the first page's alert was created and later closed upstream; the second is still queued
    await c.onIngestChanges([created(String(first.alias))])
    await c.onIngestChanges([created(String(first.alias), { status: 'closed' })])

    await c.changeSeverity(i.id, 'Critical')

    const moves = (await outboxDb.commands.orderBy('seq').toArray()).filter(
      (cmd) => cmd.kind === 'alerts:setPriority',
    )
    expect(moves.map((m) => m.input)).toEqual([
      { alertId: String(second.alias), by: 'alias', priority: 'P1' },
    ])
    const entry = (await c.timeline(i.id)).find((e) => e.kind === 'severity')
    expect(entry?.text).toBe('Severity changed from High to Critical (1 paged alert to P1)')
    expect(entry?.commandIds).toEqual(moves.map((m) => m.id))
    // already there: nothing more
    await c.changeSeverity(i.id, 'High')
    await c.changeSeverity(i.id, 'Critical')
    const all = await outboxDb.commands.toArray()
    expect(all.filter((cmd) => cmd.kind === 'alerts:setPriority')).toHaveLength(3)
  })

  it('addresses a confirmed paged alert by its id', async () => {
    const { coordination: c, outboxDb } = await localCoordination()
    const i = await c.declare({ title: 'Queue lag', severity: 'Medium' })
    const paged = await c.page(i.id, [{ type: 'team', name: 'Ops' }])
    await c.onIngestChanges([created(String(paged.alias))])
    await c.changeSeverity(i.id, 'Low')
    const move = (await outboxDb.commands.toArray()).find(
      (cmd) => cmd.kind === 'alerts:setPriority',
    )
    expect(move?.input).toEqual({
      alertId: `alert-${String(paged.alias)}`,
      by: 'id',
      priority: 'P4',
    })
  })
})

describe('the resolve workflow decides whether the Opsgenie incident is resolved', () => {
  it('resolves it once with the default workflow on', async () => {
    const { coordination: c, queued } = await localCoordination()
    const i = await c.declare({ title: 't', severity: 'High', createOpsgenieIncident: true })
    await c.resolve(i.id)
    expect(await queued()).toEqual(['incidents:create', 'incidents:resolve'])
    const runs = (await c.timeline(i.id)).filter((e) => e.kind === 'workflow-run')
    expect(runs.map((r) => r.text).join('\n')).toMatch(/done: resolved the linked Opsgenie/)
  })

  it('leaves it open, and sends no reopen later, with the workflow disabled', async () => {
    const { coordination: c, queued } = await localCoordination()
    const workflow = (await c.workflows()).find((w) => w.builtin === 'resolve-opsgenie-incident')
    if (workflow === undefined) throw new Error('no default resolve workflow')
    await c.saveWorkflow({ ...workflow, enabled: false })
    const i = await c.declare({ title: 't', severity: 'High', createOpsgenieIncident: true })
    await c.resolve(i.id)
    await c.transition(i.id, 'started')
    expect(await queued()).toEqual(['incidents:create'])
    expect((await c.incident(i.id)).status).toBe('started')
  })
})
