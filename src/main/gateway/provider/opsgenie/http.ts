import ky, { type KyInstance } from 'ky'
import type { z } from 'zod'
import { mapHttpFailure, mapThrown } from './error-mapping'
import { OpsgenieError, type OpsgenieFailure } from './errors'
import { responseMeta, type RateLimitInfo, type ResponseMeta } from './rate-limit'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | undefined

export interface RequestSpec<T extends z.ZodType> {
  readonly method: HttpMethod
  /** Starts with `/`, e.g. `/v2/alerts`; may carry a query (paging links do). */
  readonly path: string
  readonly query?: Readonly<Record<string, QueryValue>>
  readonly body?: unknown
  readonly schema: T
}

export interface HttpOptions {
  /** Resolved base URL (see `resolveHost`). */
  readonly baseUrl: string
  readonly apiKey: string
  readonly timeoutMs: number
  readonly fetch?: typeof fetch
  /** Called after every HTTP answer (errors included) with status, request id and rate-limit headers. */
  readonly onResponse?: (meta: ResponseMeta) => void
}

export interface Http {
  send<T extends z.ZodType>(spec: RequestSpec<T>): Promise<z.output<T>>
  readonly baseUrl: string
  /** Rate-limit headers of the most recent answer that carried any. */
  lastRateLimit(): RateLimitInfo | undefined
  lastResponse(): ResponseMeta | undefined
}

function searchParams(query: Readonly<Record<string, QueryValue>> | undefined): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  return params
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304
}

/** Names where the redirect pointed (origin only: a Location may carry a token in its query). */
function redirected(operation: string, baseUrl: string, response: Response): OpsgenieFailure {
  const location = response.headers.get('location')
  let target = 'an unnamed place'
  if (location !== null) {
    try {
      target = new URL(location, baseUrl).origin
    } catch {
      target = 'an invalid location'
    }
  }
  return {
    kind: 'unexpected',
    status: response.status,
    operation,
    message:
      `Opsgenie's answer to ${operation} redirected (${response.status}) to ${target}; ` +
      'Ondeck does not follow redirects, so the API key stays with the configured host. ' +
      'Check the host in the workspace settings.',
  }
}

/**
 * The only place that talks HTTP. ky never retries here (retry: 0): whether and when to retry
 * belongs to the governor and the outbox, which see the failure kind and the rate-limit headers.
 * Redirects are never followed (`redirect: 'manual'`): following one would send the request, and
 * on the same origin the API key, somewhere the key was not entered for. Opsgenie's API does not
 * redirect, so one means a wrong host or something in between; it fails with that said.
 */
export function createHttp(options: HttpOptions): Http {
  const instance: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    retry: 0,
    redirect: 'manual',
    timeout: options.timeoutMs,
    throwHttpErrors: false,
    headers: { Authorization: `GenieKey ${options.apiKey}`, Accept: 'application/json' },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  let lastRateLimit: RateLimitInfo | undefined
  let lastResponse: ResponseMeta | undefined

  async function send<T extends z.ZodType>(spec: RequestSpec<T>): Promise<z.output<T>> {
    const [pathOnly = '', inlineQuery = ''] = spec.path.split('?', 2)
    const params = new URLSearchParams(inlineQuery)
    for (const [key, value] of searchParams(spec.query)) params.set(key, value)
    const operation = `${spec.method} ${pathOnly}`
    let body: unknown
    let response: Response
    try {
      response = await instance(pathOnly.replace(/^\/+/, ''), {
        method: spec.method,
        searchParams: params,
        ...(spec.body === undefined ? {} : { json: spec.body }),
      })
      body = await readJson(response)
    } catch (error) {
      throw new OpsgenieError(mapThrown(operation, options.baseUrl, options.timeoutMs, error))
    }
    const meta = responseMeta(spec.method, pathOnly, response)
    lastResponse = meta
    if (meta.rateLimit !== undefined) lastRateLimit = meta.rateLimit
    options.onResponse?.(meta)
    if (isRedirect(response.status))
      throw new OpsgenieError(redirected(operation, options.baseUrl, response))
    if (!response.ok)
      throw new OpsgenieError(mapHttpFailure(operation, response.status, response.headers, body))
    const parsed = spec.schema.safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where =
        issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`
      throw new OpsgenieError({
        kind: 'unexpected',
        status: response.status,
        operation,
        requestId: meta.requestId,
        message: `Opsgenie's answer to ${operation} had an unexpected shape${where}.`,
      })
    }
    return parsed.data
  }

  return {
    send,
    baseUrl: options.baseUrl,
    lastRateLimit: () => lastRateLimit,
    lastResponse: () => lastResponse,
  }
}
