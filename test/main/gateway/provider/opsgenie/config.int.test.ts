import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import {
  isOpsgenieError,
  type OpsgenieClient,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { clientFor, startSim, thrown } from './support'

let sim: RunningSimulator
let og: OpsgenieClient

beforeAll(async () => {
  sim = await startSim()
  og = clientFor(sim)
})
afterAll(async () => {
  await sim.close()
})

describe('configuration over HTTP', () => {
  it('lists every service across pages', async () => {
    const all = await og.config.listServices({ pageSize: 3 })
    expect(all.items.map((s) => s.id).sort()).toEqual(sim.state.services.map((s) => s.id).sort())
    expect(all.pages).toBe(Math.ceil(sim.state.services.length / 3))
    expect(all.stoppedAtCap).toBe(false)
  })

  it('lists teams and gets one by name', async () => {
    const teams = await og.config.listTeams()
    expect(teams.map((t) => t.name).sort()).toEqual(sim.state.teams.map((t) => t.name).sort())
    const platform = await og.config.getTeam('Platform', 'name')
    expect(platform.id).toBe(sim.state.teams.find((t) => t.name === 'Platform')?.id)
  })

  it('pages users with totalCount, and collects them all', async () => {
    const page = await og.config.listUsers({ limit: 2, offset: 0, sort: 'username', order: 'asc' })
    expect(page.users).toHaveLength(2)
    expect(page.totalCount).toBe(sim.state.users.length)
    const all = await og.config.listAllUsers({ limit: 2 })
    expect(all.items.map((u) => u.username).sort()).toEqual(
      sim.state.users.map((u) => u.username).sort(),
    )
    expect(all.pages).toBe(Math.ceil(sim.state.users.length / 2))
  })

  it('lists schedules with rotations and who is on call, flat', async () => {
    const schedules = await og.config.listSchedules()
    expect(schedules.length).toBe(sim.state.schedules.length)
    const first = schedules[0]
    expect(first?.rotations?.length).toBeGreaterThan(0)
    const onCall = await og.config.onCalls(first?.id ?? '')
    expect(onCall._parent?.id).toBe(first?.id)
    const usernames = new Set(sim.state.users.map((u) => u.username))
    expect(onCall.onCallRecipients.length).toBeGreaterThan(0)
    for (const name of onCall.onCallRecipients) expect(usernames.has(name)).toBe(true)
    const byName = await og.config.onCalls(first?.name ?? '', {
      identifierType: 'name',
      date: new Date(),
    })
    expect(byName.onCallRecipients).toEqual(onCall.onCallRecipients)
  })

  it('lists escalations, reads the account and the request limits', async () => {
    expect((await og.config.listEscalations()).map((e) => e.id).sort()).toEqual(
      sim.state.escalations.map((e) => e.id).sort(),
    )
    const account = await og.config.getAccount()
    expect(account.name).toBeTruthy()
    expect(account.plan?.name).toBe('Enterprise')
    const limits = await og.config.getRequestLimits()
    expect(limits.rateLimits.map((d) => d.domain)).toEqual(
      expect.arrayContaining(['alert', 'search', 'configuration']),
    )
  })

  it('team keys are refused account-level endpoints with wrong-key', async () => {
    const team = clientFor(sim, 'k-team')
    const error = await thrown(() => team.config.getRequestLimits())
    expect(isOpsgenieError(error, 'wrong-key')).toBe(true)
    expect((error as Error).message).toContain('use a global API integration key')
  })
})
