import type { z } from 'zod'
import type { ObservedResponse } from '../../governor'
import { JsmError, failureOfStatus, type JsmFailure } from './errors'
import { jsmRateDomain, observed } from './rate-limit'

/**
 * Which Atlassian API a request goes to: `ops` (api URL + `/jsm/ops/api/{cloudId}/v1`),
 * `incidents` (api URL + `/jsm/incidents/cloudId/{cloudId}/v1`) or `site` (the Jira site:
 * `/rest/api/3/...`).
 */
export type Api = 'ops' | 'incidents' | 'site'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface JsmRequest<T extends z.ZodType> {
  readonly api: Api
  readonly method: HttpMethod
  /** Below the API's base, e.g. `/alerts/{id}/acknowledge`; may carry a query (paging links). */
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>
  readonly body?: unknown
  readonly schema: T
}

export interface JsmHttpOptions {
  /** `https://api.atlassian.com` (or the simulator's URL). */
  readonly apiUrl: string
  /** `https://<site>.atlassian.net`. */
  readonly siteUrl: string
  readonly cloudId: string
  readonly email: string
  readonly apiToken: string
  readonly timeoutMs?: number
  readonly fetch?: typeof fetch
  /** Every answer (errors included), for the governor. */
  readonly onResponse?: (response: ObservedResponse) => void
  readonly now?: () => number
}

export interface JsmHttp {
  send<T extends z.ZodType>(request: JsmRequest<T>): Promise<z.output<T>>
  /** The full URL of a request, for logs and the doctor. */
  urlOf(api: Api, path: string): string
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/**
 * The only place that talks HTTP to Atlassian: Basic auth with the user's e-mail and API token,
 * JSON both ways, no retries (the governor and the outbox decide), no redirects followed (the
 * token stays with the configured origins), every answer checked with its zod schema.
 */
export function createJsmHttp(options: JsmHttpOptions): JsmHttp {
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 15_000
  const auth = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`
  const api = trimSlash(options.apiUrl)
  const site = trimSlash(options.siteUrl)
  const cloud = encodeURIComponent(options.cloudId)
  const baseOf = (which: Api): string =>
    which === 'ops'
      ? `${api}/jsm/ops/api/${cloud}/v1`
      : which === 'incidents'
        ? `${api}/jsm/incidents/cloudId/${cloud}/v1`
        : site

  /** A paging link may be relative to the API (`/v1/alerts?...`) or a full URL: keep path+query. */
  const relative = (which: Api, path: string): string => {
    if (/^https?:\/\//.test(path)) {
      const u = new URL(path)
      path = `${u.pathname}${u.search}`
      const prefix = new URL(baseOf(which)).pathname
      if (path.startsWith(prefix)) return path.slice(prefix.length)
    }
    return which === 'ops' ? path.replace(/^\/v1(?=\/)/, '') : path
  }

  async function send<T extends z.ZodType>(request: JsmRequest<T>): Promise<z.output<T>> {
    const path = relative(request.api, request.path)
    const [pathOnly = '', inline = ''] = path.split('?', 2)
    const params = new URLSearchParams(inline)
    for (const [k, v] of Object.entries(request.query ?? {}))
      if (v !== undefined) params.set(k, String(v))
    const operation = `${request.method} ${pathOnly}`
    const qs = params.toString()
    const url = `${baseOf(request.api)}${pathOnly}${qs ? `?${qs}` : ''}`
    let response: Response
    let body: unknown
    try {
      response = await doFetch(url, {
        method: request.method,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          Authorization: auth,
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      })
      const text = await response.text()
      body = text.trim() === '' ? undefined : safeJson(text)
    } catch (error) {
      throw new JsmError(thrown(operation, url, timeoutMs, error))
    }
    options.onResponse?.(
      observed(
        jsmRateDomain(request.api, request.method, pathOnly),
        response.status,
        response.headers,
        now(),
      ),
    )
    if (response.status >= 300 && response.status < 400)
      throw new JsmError({
        kind: 'unexpected',
        status: response.status,
        operation,
        message: `JSM's answer to ${operation} redirected (${response.status}); Ondeck does not follow redirects, so the API token stays with the configured site and API URL. Check both in the workspace settings.`,
      })
    if (!response.ok)
      throw new JsmError(failureOfStatus(operation, response.status, response.headers, body, now()))
    const parsed = request.schema.safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''
      throw new JsmError({
        kind: 'unexpected',
        status: response.status,
        operation,
        message: `JSM's answer to ${operation} had an unexpected shape${where}.`,
      })
    }
    return parsed.data
  }

  return { send, urlOf: (which, path) => `${baseOf(which)}${path}` }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function thrown(operation: string, url: string, timeoutMs: number, error: unknown): JsmFailure {
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError')
    return {
      kind: 'timeout',
      timeoutMs,
      operation,
      message: `JSM did not answer ${operation} within ${timeoutMs / 1000} s.`,
    }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const where = new URL(url).origin
  return {
    kind: 'network',
    ...(code !== undefined ? { code } : {}),
    operation,
    message: `Could not reach ${where}${code ? ` (${code})` : ''}.`,
  }
}
