import { createGovernor, type Governor } from '../../../../../src/main/gateway/governor'
import { createJsmProvider } from '../../../../../src/main/gateway/provider/jsm/adapter'
import {
  createJsmClient,
  type JsmClient,
} from '../../../../../src/main/gateway/provider/jsm/client'
import { decodeRelayFrame } from '../../../../../src/main/gateway/provider/opsgenie/events'
import type { Provider } from '../../../../../src/main/gateway/provider/provider'
import {
  startJsmSimulator,
  type JsmSimulatorOptions,
  type RunningJsmSimulator,
} from '../../../../../src/simulator/jsm/index'

export const EMAIL = 'alice@example.com'
export const TOKEN = 'jsm-test-token'
export const CLOUD_ID = '0f6d8e1c-3b7a-4c2e-9d51-1a2b3c4d5e6f'

export function startJsm(options: Partial<JsmSimulatorOptions> = {}): Promise<RunningJsmSimulator> {
  return startJsmSimulator({
    accounts: [{ email: EMAIL, apiToken: TOKEN }],
    cloudId: CLOUD_ID,
    seed: 'demo',
    processingDelayMs: 20,
    ...options,
  })
}

export function jsmClientFor(
  sim: RunningJsmSimulator,
  options: {
    email?: string
    apiToken?: string
    onResponse?: Parameters<typeof createJsmClient>[0]['onResponse']
    fetch?: typeof fetch
  } = {},
): JsmClient {
  return createJsmClient({
    apiUrl: sim.url,
    siteUrl: sim.url,
    cloudId: CLOUD_ID,
    email: options.email ?? EMAIL,
    apiToken: options.apiToken ?? TOKEN,
    timeoutMs: 5000,
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
}

/** A provider with the workspace wiring: the governor hears every answer. */
export function jsmProviderFor(
  sim: RunningJsmSimulator,
  options: {
    governor?: Governor
    incidentProject?: string | null
    fetch?: typeof fetch
    email?: string
    apiToken?: string
  } = {},
): { provider: Provider; client: JsmClient; governor: Governor } {
  const governor = options.governor ?? roomyGovernor()
  const client = jsmClientFor(sim, {
    onResponse: (r) => governor.observe(r),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.email ? { email: options.email } : {}),
    ...(options.apiToken ? { apiToken: options.apiToken } : {}),
  })
  const project = options.incidentProject === undefined ? 'OPS' : options.incidentProject
  const provider = createJsmProvider({
    client,
    governor,
    email: options.email ?? EMAIL,
    decodePush: decodeRelayFrame,
    ...(project !== null ? { incidentProject: project } : {}),
  })
  return { provider, client, governor }
}

/** Budgets well above what a test sends, so tests wait on the simulator, not on the governor. */
export function roomyGovernor(): Governor {
  const roomy = { perMinute: 60_000, perSecond: 1_000 }
  return createGovernor({
    budgets: {
      alert: roomy,
      incident: roomy,
      search: roomy,
      configuration: roomy,
      'schedule-oncalls': roomy,
    },
  })
}
