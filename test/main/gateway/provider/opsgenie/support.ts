import { startSimulator, type RunningSimulator } from '../../../../../src/simulator/index'
import {
  createOpsgenieClient,
  type OpsgenieClient,
  type OpsgenieClientOptions,
} from '../../../../../src/main/gateway/provider/opsgenie/index'

export const KEYS = [
  { key: 'k-global', kind: 'global' as const },
  { key: 'k-team', kind: 'team' as const, teamName: 'Platform' },
  { key: 'k-account', kind: 'account' as const },
]

export type SimulatorOptions = Parameters<typeof startSimulator>[0]

export async function startSim(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ keys: KEYS, seed: 'demo', ...options })
}

export function clientFor(
  sim: RunningSimulator,
  apiKey = 'k-global',
  options: Partial<OpsgenieClientOptions> = {},
): OpsgenieClient {
  return createOpsgenieClient({ host: sim.url, apiKey, timeoutMs: 5000, ...options })
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw')
}
