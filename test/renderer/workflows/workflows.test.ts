import { describe, expect, it } from 'vitest'
import { conditionsHold } from '../../../src/renderer/src/workflows/conditions'
import type { LocalIncident } from '../../../src/renderer/src/incidents/coordination/records'
import type { Condition } from '../../../src/renderer/src/workflows/workflow-schema'
import { MAX_WORKFLOW_CHAIN } from '../../../src/renderer/src/workflows/workflows'
import { created, localCoordination } from '../incidents/coordination/unit-support'

const incident = (over: Partial<LocalIncident> = {}): LocalIncident => ({
  id: 'i1',
  workspaceId: 'w',
  title: 't',
  severity: 'High',
  serviceIds: ['svc-1'],
  incidentType: 'Outage',
  tags: ['security', 'db'],
  description: '',
  status: 'started',
  roles: {},
  responders: [{ type: 'team', name: 'Ops' }],
  declaredAt: 0,
  updatedAt: 0,
  ...over,
})

describe('workflow conditions', () => {
  const subject = { incident: incident(), serviceNames: new Map([['svc-1', 'Checkout']]) }
  const holds = (
    conditions: Parameters<typeof conditionsHold>[0]['conditions'],
    match: 'all' | 'any' = 'all',
  ) => conditionsHold({ match, conditions }, subject)

  it('checks each field', () => {
    expect(holds([{ field: 'severity', in: ['High'] }])).toBe(true)
    expect(holds([{ field: 'severity', in: ['Critical'] }])).toBe(false)
    expect(holds([{ field: 'service', in: ['checkout'] }])).toBe(true)
    expect(holds([{ field: 'service', in: ['svc-1'] }])).toBe(true)
    expect(holds([{ field: 'service', in: ['Billing'] }])).toBe(false)
    expect(holds([{ field: 'incidentType', in: ['outage'] }])).toBe(true)
    expect(holds([{ field: 'tag', in: ['SECURITY'] }])).toBe(true)
    expect(holds([{ field: 'tag', in: ['network'] }])).toBe(false)
    expect(holds([{ field: 'team', in: ['ops'] }])).toBe(true)
    expect(holds([{ field: 'alertPriority', in: ['P1'] }])).toBe(false)
    const alert = { priority: 'P1' as const, tags: ['edge'], teams: ['Network'] }
    expect(
      conditionsHold(
        {
          match: 'all',
          conditions: [
            { field: 'alertPriority', in: ['P1'] },
            { field: 'team', in: ['network'] },
            { field: 'tag', in: ['edge'] },
          ],
        },
        { alert },
      ),
    ).toBe(true)
  })

  it('combines with all / any; no conditions always holds', () => {
    const mixed: Condition[] = [
      { field: 'severity', in: ['Critical'] },
      { field: 'tag', in: ['db'] },
    ]
    expect(holds([...mixed], 'all')).toBe(false)
    expect(holds([...mixed], 'any')).toBe(true)
    expect(holds([], 'any')).toBe(true)
  })
})

describe('dry run', () => {
  it('describes what a workflow would do, and queues nothing', async () => {
    const { coordination: c, queued } = await localCoordination()
    const i = await c.declare({ title: 'Leak', severity: 'Critical', tags: ['security'] })
    const before = await queued()
    const dry = await c.dryRun(
      {
        id: 'w',
        name: 'Critical pages Infrastructure',
        trigger: 'incident-declared',
        conditions: [{ field: 'severity', in: ['Critical'] }],
        actions: [
          { type: 'page', target: 'schedule', ref: { name: 'Infrastructure' } },
          { type: 'page', target: 'team', ref: { name: 'Ops' }, priority: 'P3' },
          { type: 'create-opsgenie-incident' },
          { type: 'assign-oncall-role', schedule: { name: 'Infrastructure' }, role: 'Commander' },
          { type: 'add-oncall-responders', schedule: { id: 's1', name: 'Infrastructure' } },
          { type: 'resolve-opsgenie-incident' },
          { type: 'add-note', text: 'Bridge open' },
        ],
      },
      i.id,
    )
    expect(dry).toEqual({
      matches: true,
      sentences: [
        'pages schedule Infrastructure at P1',
        'pages team Ops at P3',
        'creates the Opsgenie incident at P1',
        'assigns the on-call user of schedule Infrastructure as Commander',
        'adds the on-call responders of schedule Infrastructure to the incident',
        'resolves the linked Opsgenie incident',
        'adds the note "Bridge open"',
      ],
    })
    const miss = await c.dryRun(
      {
        id: 'w',
        name: 'n',
        trigger: 'incident-declared',
        conditions: [{ field: 'tag', in: ['network'] }],
        actions: [{ type: 'add-note', text: 'x' }],
      },
      i.id,
    )
    expect(miss).toEqual({
      matches: false,
      sentences: ['does nothing: its conditions do not match'],
    })
    expect(await queued()).toEqual(before)
  })
})

describe('export and import', () => {
  it('round-trips workflows (defaults included) and refuses bad files with a clear reason', async () => {
    const a = await localCoordination()
    await a.coordination.saveWorkflow({
      id: 'x',
      name: 'Note on High',
      trigger: 'severity-changed',
      conditions: [{ field: 'severity', in: ['High'] }],
      actions: [{ type: 'add-note', text: 'hi' }],
    })
    const json = await a.coordination.exportWorkflows()
    const b = await localCoordination()
    expect(await b.coordination.importWorkflows(json)).toBe(3)
    expect((await b.coordination.workflows()).map((w) => w.name)).toEqual(
      (await a.coordination.workflows()).map((w) => w.name),
    )

    const bad = (doc: unknown) => b.coordination.importWorkflows(JSON.stringify(doc))
    await expect(b.coordination.importWorkflows('{nope')).rejects.toThrow(/the file is not JSON/)
    await expect(bad({ format: 'other', version: 1, workflows: [] })).rejects.toThrow(
      /format: is not an Ondeck workflow export/,
    )
    await expect(bad({ format: 'ondeck-workflows', version: 2, workflows: [] })).rejects.toThrow(
      /version: is a version this Ondeck cannot read/,
    )
    const wf = {
      id: 'y',
      name: 'n',
      trigger: 'incident-declared',
      actions: [{ type: 'add-note', text: 'x' }],
    }
    await expect(
      bad({ format: 'ondeck-workflows', version: 1, workflows: [{ ...wf, trigger: 'sometimes' }] }),
    ).rejects.toThrow(/workflows\[0\]\.trigger/)
    await expect(
      bad({ format: 'ondeck-workflows', version: 1, workflows: [{ ...wf, actions: [] }] }),
    ).rejects.toThrow(/workflows\[0\]\.actions: a workflow needs at least one action/)
    await expect(
      bad({
        format: 'ondeck-workflows',
        version: 1,
        workflows: [{ ...wf, actions: [{ type: 'page', target: 'schedule', ref: {} }] }],
      }),
    ).rejects.toThrow(/workflows\[0\]\.actions\[0\]\.ref: needs an id or a name/)
    await expect(
      bad({ format: 'ondeck-workflows', version: 1, workflows: [wf, wf] }),
    ).rejects.toThrow(/the id "y" appears twice/)
    await expect(
      b.coordination.saveWorkflow({
        ...wf,
        conditions: [{ field: 'severity', in: ['Huge'] }],
      } as never),
    ).rejects.toThrow(/invalid workflow: conditions\[0\]\.in\[0\]/)
    expect((await b.coordination.workflows()).some((w) => w.id === 'y')).toBe(false)
  })
})

describe('loop protection', () => {
  it("a workflow's own page does not trigger it again, and chains between workflows end", async () => {
    const { coordination: c, queued } = await localCoordination()
    await c.updateSettings({ repageExistingResponders: true })
    const pageOn = (id: string, team: string) =>
      c.saveWorkflow({
        id,
        name: id,
        trigger: 'alert-received',
        conditions: [{ field: 'alertPriority', in: ['P1'] }],
        actions: [{ type: 'page', target: 'team', ref: { name: team } }],
      })
    await pageOn('w1', 'Ops')
    await pageOn('w2', 'Net')
    const i = await c.declare({ title: 'Outage', severity: 'Critical' })
    await c.page(i.id, [{ type: 'user', name: 'me' }])
    // Feed every linked alert's inbound Create until nothing new is linked.
    const fed = new Set<string>()
    for (let round = 0; round < 20; round += 1) {
      const links = (await c.linkedAlerts(i.id)).filter(
        (l) => l.alias !== undefined && !fed.has(l.alias),
      )
      if (links.length === 0) break
      for (const l of links) {
        fed.add(String(l.alias))
        await c.onIngestChanges([created(String(l.alias))])
      }
    }
    // me -> w1, w2; w1's alert -> w2; w2's alert -> w1; then every chain holds both.
    expect((await queued()).filter((k) => k === 'alerts:create')).toHaveLength(5)
    const chains = (await c.linkedAlerts(i.id)).map((l) => l.causedBy.join('>')).sort()
    expect(chains).toEqual(['', 'w1', 'w1>w2', 'w2', 'w2>w1'])
  })

  it(`stops a chain at ${MAX_WORKFLOW_CHAIN} workflows`, async () => {
    const { coordination: c, db, queued } = await localCoordination()
    await c.saveWorkflow({
      id: 'w',
      name: 'w',
      trigger: 'alert-received',
      actions: [{ type: 'add-note', text: 'seen' }],
    })
    const i = await c.declare({ title: 'x', severity: 'Low' })
    await c.page(i.id, [{ type: 'user', name: 'me' }])
    const [link] = await c.linkedAlerts(i.id)
    if (link === undefined) throw new Error('the page linked no alert')
    await db.linkedAlerts.put({ ...link, causedBy: ['a', 'b', 'c', 'd', 'e'] })
    await c.onIngestChanges([created(String(link.alias))])
    expect((await c.runs(i.id)).filter((r) => r.workflowId === 'w')).toEqual([])
    expect(await queued()).toEqual(['alerts:create'])
  })
})
