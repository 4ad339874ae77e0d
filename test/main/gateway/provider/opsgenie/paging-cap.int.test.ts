import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import {
  ALERT_PAGING_CAP,
  type OpsgenieClient,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { clientFor, startSim } from './support'

let sim: RunningSimulator
let og: OpsgenieClient
const TOTAL = ALERT_PAGING_CAP + 60

/** Fills an account past the 20,000 deep-paging cap through the API (about 15 s on 2 cores). */
beforeAll(async () => {
  sim = await startSim({ seed: 'empty' })
  og = clientFor(sim)
  let sent = 0
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (sent < TOTAL) {
        sent += 1
        await og.alerts.create({ message: `bulk ${sent}` })
      }
    }),
  )
  await sim.flushWebhooks()
}, 90_000)
afterAll(async () => {
  await sim.close()
})

describe('the 20,000 paging cap', () => {
  it('stops at the cap and says so', async () => {
    expect(sim.state.alerts.size).toBe(TOTAL)
    const all = await og.alerts.listAll({ limit: 100 })
    expect(all.items).toHaveLength(ALERT_PAGING_CAP)
    expect(all.pages).toBe(200)
    expect(all.stoppedAtCap).toBe(true)
  })

  it('from a deep offset, reads the last page below the cap only', async () => {
    const tail = await og.alerts.listAll({ offset: 19_800, limit: 100 })
    expect(tail).toMatchObject({ pages: 2, stoppedAtCap: true })
    expect(tail.items).toHaveLength(200)
  })

  it('does not claim the cap when a narrower query ends before it', async () => {
    const few = await og.alerts.listAll({ query: 'message:"bulk 1"', limit: 100 })
    expect(few.items.length).toBeGreaterThan(0)
    expect(few.items.length).toBeLessThan(ALERT_PAGING_CAP)
    expect(few.stoppedAtCap).toBe(false)
  })
})
