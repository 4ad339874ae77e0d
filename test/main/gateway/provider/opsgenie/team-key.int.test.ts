import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../../../../src/main/gateway/provider/opsgenie/capabilities'
import { checkKey } from '../../../../../src/main/gateway/provider/opsgenie/index'
import type { RunningSimulator } from '../../../../../src/simulator/index'
import { clientFor, startSim, thrown } from './support'

/**
 * Issue 15, fidelity 4: Opsgenie refuses team keys on users ("Team API Keys are not authorized to
 * perform this action."), and the connect screen says plainly what such a key cannot do.
 */
let sim: RunningSimulator
beforeAll(async () => {
  sim = await startSim()
})
afterAll(async () => sim.close())

describe('a team key', () => {
  it('is refused the user list, as Opsgenie refuses it', async () => {
    const error = await thrown(() => clientFor(sim, 'k-team').config.listUsers())
    expect(error).toMatchObject({ failure: { kind: 'wrong-key', status: 403 } })
  })

  it('connects with its limits stated', async () => {
    const capabilities = capabilitiesOf(await checkKey(clientFor(sim, 'k-team')))
    expect(capabilities.keyKind).toBe('team')
    expect(capabilities.limits?.join(' ')).toMatch(/only its own team.*cannot list users/)
    const global = capabilitiesOf(await checkKey(clientFor(sim, 'k-global')))
    expect(global.limits).toBeUndefined()
  })
})
