import { createAlertsApi, type AlertsApi } from './alerts'
import { createConfigApi, type ConfigApi } from './config'
import { createHttp, type Http } from './http'
import { createIncidentsApi, type IncidentsApi } from './incidents'
import { resolveHost, type OpsgenieRegion } from './host'
import type { RateLimitInfo, ResponseMeta } from './rate-limit'

export interface OpsgenieClientOptions {
  /** `us`, `eu`, or a base URL (simulator, tests). */
  readonly host: OpsgenieRegion | string
  readonly apiKey: string
  /** Per HTTP request; default 15 s. */
  readonly timeoutMs?: number
  readonly fetch?: typeof fetch
  /** Every answer's status, request id, rate-limit domain and headers: the governor's feed. */
  readonly onResponse?: (meta: ResponseMeta) => void
}

export interface OpsgenieClient {
  readonly baseUrl: string
  readonly alerts: AlertsApi
  readonly incidents: IncidentsApi
  /** Services, teams, users, schedules, on-calls, escalations, account, request limits. */
  readonly config: ConfigApi
  lastRateLimit(): RateLimitInfo | undefined
  lastResponse(): ResponseMeta | undefined
  /** The underlying transport, for probes that need a raw call (e.g. `checkKey`). */
  readonly http: Http
}

export function createOpsgenieClient(options: OpsgenieClientOptions): OpsgenieClient {
  if (options.apiKey.trim() === '') throw new Error('an Opsgenie API key is required')
  const timeoutMs = options.timeoutMs ?? 15_000
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new Error(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`)
  const http = createHttp({
    baseUrl: resolveHost(options.host),
    apiKey: options.apiKey.trim(),
    timeoutMs,
    fetch: options.fetch,
    onResponse: options.onResponse,
  })
  return {
    baseUrl: http.baseUrl,
    alerts: createAlertsApi(http),
    incidents: createIncidentsApi(http),
    config: createConfigApi(http),
    lastRateLimit: http.lastRateLimit,
    lastResponse: http.lastResponse,
    http,
  }
}
