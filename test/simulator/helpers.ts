import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/index'

export const GLOBAL_KEY = 'global-key-0001'

export interface ApiResponse {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

/** Starts a simulator on an ephemeral port with a global key unless the test gives keys. */
export function startTestSim(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ keys: [{ key: GLOBAL_KEY, kind: 'global' }], ...options })
}

export async function api(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = GLOBAL_KEY,
): Promise<ApiResponse> {
  const headers: Record<string, string> = {}
  if (key !== null) headers.Authorization = `GenieKey ${key}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  }
}

/** Bounded poll: checks `condition` until it returns a value, failing after `timeoutMs`. */
export async function pollUntil<T>(
  condition: () => Promise<T | undefined>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value !== undefined && value !== null) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Sends an async write and waits until its request status is available. */
export async function processed(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<Record<string, unknown>> {
  const accepted = await api(sim, method, path, body, key)
  if (accepted.status !== 202)
    throw new Error(
      `expected 202 from ${method} ${path}, got ${accepted.status}: ${JSON.stringify(accepted.body)}`,
    )
  const requestId = String(accepted.body.requestId)
  const domain = path.startsWith('/v1/incidents') ? '/v1/incidents' : '/v2/alerts'
  return pollUntil(
    async () => {
      const status = await api(sim, 'GET', `${domain}/requests/${requestId}`)
      return status.status === 200 ? (status.body.data as Record<string, unknown>) : undefined
    },
    5_000,
    `request ${requestId}`,
  )
}

export function data<T = Record<string, unknown>>(res: ApiResponse): T {
  return res.body.data as T
}
