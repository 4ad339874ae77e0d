import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, data, startTestSim } from './helpers'

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startTestSim({ seed: 'demo' })
})
afterEach(async () => {
  await sim.close()
})

describe('configuration endpoints on the demo seed', () => {
  it('lists teams, gets one by name with members, and lists escalations and the account', async () => {
    const teams = data<{ id: string; name: string }[]>(await api(sim, 'GET', '/v2/teams'))
    expect(teams.map((t) => t.name)).toEqual(['Platform', 'Payments', 'Mobile', 'Data', 'Security'])
    const team = data<{ members: { user: { username: string } }[] }>(
      await api(sim, 'GET', '/v2/teams/Payments?identifierType=name'),
    )
    expect(team.members).toHaveLength(3)
    expect((await api(sim, 'GET', `/v2/teams/${teams[0]?.id ?? ''}`)).status).toBe(200)
    expect((await api(sim, 'GET', '/v2/teams/Nope?identifierType=name')).status).toBe(404)
    const escalations = data<{ name: string; rules: { recipient: { type: string } }[] }[]>(
      await api(sim, 'GET', '/v2/escalations'),
    )
    expect(escalations).toHaveLength(5)
    expect(escalations[0]?.rules.map((r) => r.recipient.type)).toEqual(['schedule', 'team'])
    expect(data(await api(sim, 'GET', '/v2/account'))).toMatchObject({
      userCount: 10,
      plan: { name: 'Enterprise' },
    })
    expect(data<unknown[]>(await api(sim, 'GET', '/v1/services?limit=100'))).toHaveLength(12)
  })

  it('lists schedules with rotations only when expanded', async () => {
    const plain = await api(sim, 'GET', '/v2/schedules')
    expect(plain.body.expandable).toEqual(['rotation'])
    expect(data<Record<string, unknown>[]>(plain)[0]?.rotations).toBeUndefined()
    const expanded = data<{ rotations: { type: string; participants: unknown[] }[] }[]>(
      await api(sim, 'GET', '/v2/schedules?expand=rotation'),
    )
    expect(expanded.map((s) => s.rotations[0]?.type)).toEqual([
      'weekly',
      'daily',
      'hourly',
      'weekly',
      'daily',
    ])
  })

  it('computes who is on call from the rotation at any date, flat or nested', async () => {
    const at = (iso: string): string =>
      `/v2/schedules/Mobile_schedule/on-calls?scheduleIdentifierType=name&flat=true&date=${encodeURIComponent(iso)}`
    // Mobile's rotation is hourly from 2024-01-01T00:00Z over three members.
    const hours = [
      '2024-01-01T00:30:00Z',
      '2024-01-01T01:30:00Z',
      '2024-01-01T02:30:00Z',
      '2024-01-01T03:30:00Z',
    ]
    const onCall = []
    for (const iso of hours)
      onCall.push(
        data<{ onCallRecipients: string[] }>(await api(sim, 'GET', at(iso))).onCallRecipients,
      )
    expect(onCall.every((r) => r.length === 1)).toBe(true)
    expect(onCall[3]).toEqual(onCall[0])
    expect(new Set(onCall.slice(0, 3).map((r) => r[0])).size).toBe(3)
    const schedule = sim.state.schedules.find((s) => s.name === 'Mobile_schedule')
    const nested = data<{
      _parent: { name: string }
      onCallParticipants: { type: string; name: string }[]
    }>(await api(sim, 'GET', `/v2/schedules/${schedule?.id ?? ''}/on-calls`))
    expect(nested._parent.name).toBe('Mobile_schedule')
    expect(nested.onCallParticipants).toHaveLength(1)
    expect(nested.onCallParticipants[0]?.type).toBe('user')
    const next = data<{ nextOnCallParticipants: string[] }>(
      await api(
        sim,
        'GET',
        `/v2/schedules/Mobile_schedule/next-on-calls?scheduleIdentifierType=name&flat=true&date=${encodeURIComponent(hours[0] ?? '')}`,
      ),
    )
    expect(next.nextOnCallParticipants).toEqual(onCall[1])
    expect(
      (
        await api(
          sim,
          'GET',
          '/v2/schedules/Mobile_schedule/on-calls?scheduleIdentifierType=name&date=yesterday',
        )
      ).status,
    ).toBe(422)
  })

  it('is deterministic: two demo simulators hold the same account', async () => {
    const other = await startTestSim({ seed: 'demo' })
    try {
      expect(other.state.teams).toEqual(sim.state.teams)
      expect(other.state.users).toEqual(sim.state.users)
      expect(
        [...other.state.alerts.values()].map((a) => [
          a.alias,
          a.status,
          a.priority,
          a.acknowledged,
        ]),
      ).toEqual(
        [...sim.state.alerts.values()].map((a) => [a.alias, a.status, a.priority, a.acknowledged]),
      )
    } finally {
      await other.close()
    }
  })
})
