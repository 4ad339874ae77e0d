import { describe, expect, it } from 'vitest'
import {
  retargetWorkflows,
  type DirectorySnapshot,
} from '../../../src/renderer/src/migration/retarget-workflows'
import { Workflow } from '../../../src/renderer/src/workflows/workflow-schema'

const opsgenie: DirectorySnapshot = {
  teams: [{ id: 'og-team-1', name: 'Platform' }],
  schedules: [{ id: 'og-sch-1', name: 'Platform on-call' }],
  escalations: [{ id: 'og-esc-1', name: 'Platform escalation' }],
  users: [{ id: 'og-u-1', username: 'bashir@example.com', fullName: 'Bashir Okafor' }],
}
const jsm: DirectorySnapshot = {
  teams: [{ id: 'ari-team-1', name: 'Platform' }],
  schedules: [{ id: 'jsm-sch-1', name: 'Platform on-call' }],
  escalations: [],
  users: [{ id: 'acct-1', username: 'bashir@example.com', fullName: 'Bashir Okafor' }],
}

const workflow = Workflow.parse({
  id: 'wf-1',
  name: 'Page platform',
  trigger: 'incident-declared',
  actions: [
    { type: 'page', target: 'team', ref: { id: 'og-team-1' } },
    { type: 'page', target: 'user', ref: { name: 'Bashir Okafor' } },
    { type: 'page', target: 'escalation', ref: { id: 'og-esc-1' } },
    { type: 'page', target: 'team', ref: { id: 'og-unknown' } },
    { type: 'assign-oncall-role', schedule: { name: 'Platform on-call' }, role: 'Lead' },
    { type: 'add-note', text: 'paged' },
  ],
})

describe('workflow targets re-resolved on the JSM site by name', () => {
  it('re-points what has one JSM match by name and lists the rest with why', () => {
    const r = retargetWorkflows([workflow], opsgenie, jsm)
    expect(r.resolved).toBe(3)
    expect(r.changed[0]?.actions).toEqual([
      { type: 'page', target: 'team', ref: { id: 'ari-team-1', name: 'Platform' } },
      { type: 'page', target: 'user', ref: { id: 'acct-1', name: 'Bashir Okafor' } },
      { type: 'page', target: 'escalation', ref: { id: 'og-esc-1' } },
      { type: 'page', target: 'team', ref: { id: 'og-unknown' } },
      {
        type: 'assign-oncall-role',
        schedule: { id: 'jsm-sch-1', name: 'Platform on-call' },
        role: 'Lead',
      },
      { type: 'add-note', text: 'paged' },
    ])
    expect(r.unmatched).toEqual([
      {
        workflow: 'Page platform',
        kind: 'escalation',
        target: 'Platform escalation',
        reason: 'no escalation named Platform escalation on the JSM site',
      },
      {
        workflow: 'Page platform',
        kind: 'team',
        target: 'og-unknown',
        reason:
          'the team is known only by its Opsgenie id, which the cached directory does not name',
      },
    ])
  })

  it('leaves a name shared by two JSM teams unmatched', () => {
    const twice = { ...jsm, teams: [...jsm.teams, { id: 'ari-team-2', name: 'Platform' }] }
    const r = retargetWorkflows([workflow], opsgenie, twice)
    expect(r.unmatched[0]).toMatchObject({ reason: 'several teams named Platform on the JSM site' })
  })
})
