import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKFLOWS, Workflow } from '../../../src/renderer/src/incidents/coordination'
import {
  EMPTY_DECLARE,
  parseList,
  toDeclareInput,
} from '../../../src/renderer/src/incidents/declare-form'
import { fromWorkflow, toWorkflowInput } from '../../../src/renderer/src/workflows/workflow-draft'

describe('declare form', () => {
  it('splits comma lists, trimmed and once each (case-insensitively)', () => {
    expect(parseList(' security, DB ,,Security, db ')).toEqual(['security', 'DB'])
    expect(parseList('')).toEqual([])
  })

  it('leaves out a blank incident type and turns picks into responders', () => {
    const input = toDeclareInput({
      ...EMPTY_DECLARE,
      title: 't',
      incidentType: '  ',
      teams: ['Ops'],
      users: ['a@example.com'],
    })
    expect(input).not.toHaveProperty('incidentType')
    expect(input.responders).toEqual([
      { type: 'team', name: 'Ops' },
      { type: 'user', name: 'a@example.com' },
    ])
  })
})

describe('workflow draft', () => {
  it('round-trips every action and condition kind through the editor shape', () => {
    const workflow = Workflow.parse({
      id: 'w1',
      name: 'Everything',
      trigger: 'severity-changed',
      match: 'any',
      conditions: [
        { field: 'severity', in: ['Critical', 'High'] },
        { field: 'tag', in: ['security'] },
        { field: 'alertPriority', in: ['P1'] },
      ],
      actions: [
        { type: 'page', target: 'escalation', ref: { name: 'Ops_escalation' }, priority: 'P2' },
        { type: 'page', target: 'schedule', ref: { name: 'Infra' } },
        { type: 'create-opsgenie-incident' },
        { type: 'add-oncall-responders' },
        { type: 'add-oncall-responders', schedule: { name: 'Infra' } },
        { type: 'assign-oncall-role', schedule: { name: 'Infra' }, role: 'Commander' },
        { type: 'resolve-opsgenie-incident' },
        { type: 'add-note', text: 'hello' },
      ],
    })
    expect(Workflow.parse(toWorkflowInput(fromWorkflow(workflow)))).toEqual(workflow)
    for (const w of DEFAULT_WORKFLOWS)
      expect(Workflow.parse(toWorkflowInput(fromWorkflow(w)))).toEqual(w)
  })
})
