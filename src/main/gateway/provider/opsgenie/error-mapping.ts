import { TimeoutError } from 'ky'
import { z } from 'zod'
import { describeFieldErrors, type OpsgenieFailure } from './errors'
import { parseRateLimit } from './rate-limit'

/** Opsgenie's error envelope (API-NOTES §2.3); everything optional so odd bodies still map. */
const ErrorBody = z.object({
  message: z.string().optional(),
  code: z.number().optional(),
  requestId: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
})

function fieldErrors(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw ?? {})) {
    out[key] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return out
}

/** Opsgenie's 403 code for "authorised, but this request is not supported" (API-NOTES §2.3). */
export const UNSUPPORTED_REQUEST = 40302

/** Maps a non-2xx answer to a failure with a message a responder can act on. */
export function mapHttpFailure(
  operation: string,
  status: number,
  headers: Headers,
  body: unknown,
): OpsgenieFailure {
  const parsed = ErrorBody.safeParse(body)
  const envelope = parsed.success ? parsed.data : {}
  const serverMessage = envelope.message
  const requestId = envelope.requestId ?? headers.get('x-request-id') ?? undefined
  const base = { operation, requestId, serverMessage }
  const said = serverMessage === undefined ? '' : ` Opsgenie said: "${serverMessage}"`
  if (status === 401) {
    return {
      ...base,
      kind: 'bad-key',
      status,
      message: `the API key was rejected (401): it is wrong, disabled, or belongs to the other region (US/EU).${said}`,
    }
  }
  if (status === 403 && envelope.code === UNSUPPORTED_REQUEST) {
    // The key is fine: Opsgenie does not support this request (API-NOTES §2.3). Not a key problem.
    const message = `Opsgenie accepted the key but does not support this request (403, code 40302).${said}`
    return { ...base, kind: 'wrong-key', status, code: envelope.code, message }
  }
  if (status === 403) {
    const message = `the API key is not allowed to do this (403): use a global API integration key (Settings > Integrations > API); team keys reach only their team's alerts and incidents, and account-level keys cannot create, acknowledge, close or add notes to alerts.${said}`
    return { ...base, kind: 'wrong-key', status, code: envelope.code, message }
  }
  if (status === 402) {
    return {
      ...base,
      kind: 'plan',
      status,
      message: `the Opsgenie plan does not allow this API (402); the Incident and Service APIs need a Standard or Enterprise plan.${said}`,
    }
  }
  if (status === 404) {
    const errorType = headers.get('x-opsgenie-errortype') ?? undefined
    return {
      ...base,
      kind: 'not-found',
      status,
      errorType,
      message: `not found in Opsgenie (404) for ${operation}.${said}`,
    }
  }
  if (status === 400 || status === 422) {
    const errors = fieldErrors(envelope.errors)
    const detail = Object.keys(errors).length > 0 ? `: ${describeFieldErrors(errors)}` : `.${said}`
    return {
      ...base,
      kind: 'invalid',
      origin: 'server',
      status,
      errors,
      message: `Opsgenie rejected the request as invalid (${status})${detail}`,
    }
  }
  if (status === 429) {
    const limit = parseRateLimit(headers)
    const period = limit?.periodSeconds
    const wait =
      period === undefined
        ? 'wait before retrying'
        : `the ${period === 1 ? 'per-second' : 'per-minute'} budget is spent; retry in ${period} s`
    return {
      ...base,
      kind: 'throttled',
      status,
      periodSeconds: period,
      reason: limit?.reason,
      state: limit?.state,
      message: `Opsgenie is rate limiting this account (429): ${wait}.`,
    }
  }
  if (status >= 500) {
    return {
      ...base,
      kind: 'server',
      status,
      message: `Opsgenie had a server error (${status}); try again shortly.${said}`,
    }
  }
  return {
    ...base,
    kind: 'unexpected',
    status,
    message: `Opsgenie answered ${status} to ${operation}.${said}`,
  }
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed before an answer',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
}

/** Maps what fetch/ky threw (no HTTP answer at all) to `timeout` or `network`. */
export function mapThrown(
  operation: string,
  origin: string,
  timeoutMs: number,
  error: unknown,
): OpsgenieFailure {
  if (error instanceof TimeoutError || (error instanceof Error && error.name === 'TimeoutError')) {
    return {
      operation,
      kind: 'timeout',
      timeoutMs,
      message: `Opsgenie did not answer ${operation} within ${timeoutMs} ms.`,
    }
  }
  const code = errorCode(error)
  const what =
    NETWORK_WORDS[code ?? ''] ?? code ?? (error instanceof Error ? error.message : 'unknown error')
  return {
    operation,
    kind: 'network',
    code,
    message: `could not reach Opsgenie at ${origin} (${what}); check the network and the host.`,
  }
}
