/**
 * Every way a JSM call can fail, as data: the same kinds as Opsgenie's failures (so the outbox
 * and intake treat both providers alike), with Atlassian's throttling facts on `throttled`.
 */
interface FailureBase {
  /** One sentence a responder understands; never contains the API token. */
  readonly message: string
  /** e.g. `POST /v1/alerts/{id}/acknowledge`; `client` for input refused before sending. */
  readonly operation: string
  /** The server's own error titles, kept for logs. */
  readonly serverMessage?: string
}

export type JsmFailure = FailureBase &
  (
    | { readonly kind: 'bad-key'; readonly status: 401 }
    | { readonly kind: 'wrong-key'; readonly status: 403 }
    | { readonly kind: 'plan'; readonly status: 402 }
    | { readonly kind: 'not-found'; readonly status: 404 }
    | {
        readonly kind: 'invalid'
        readonly origin: 'client' | 'server'
        readonly status?: number
        readonly errors: Readonly<Record<string, string>>
      }
    | {
        readonly kind: 'throttled'
        readonly status: 429
        /** From `Retry-After` (seconds), else `X-RateLimit-Reset`; absent when neither came. */
        readonly retryAfterSeconds?: number
      }
    | { readonly kind: 'server'; readonly status: number }
    | { readonly kind: 'network'; readonly code?: string }
    | { readonly kind: 'timeout'; readonly timeoutMs: number }
    | { readonly kind: 'unexpected'; readonly status?: number }
  )

export type JsmFailureKind = JsmFailure['kind']

export class JsmError extends Error {
  override readonly name = 'JsmError'
  constructor(readonly failure: JsmFailure) {
    super(failure.message)
  }
  get kind(): JsmFailureKind {
    return this.failure.kind
  }
}

export function isJsmError(error: unknown, kind?: JsmFailureKind): error is JsmError {
  return error instanceof JsmError && (kind === undefined || error.failure.kind === kind)
}

/** The titles of JSM's `{errors:[{title}]}`, or an Opsgenie-style `message`, or nothing. */
export function serverText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const b = body as { errors?: unknown; message?: unknown; errorMessages?: unknown }
  if (Array.isArray(b.errors)) {
    const titles = b.errors
      .map((e: unknown) =>
        typeof e === 'object' && e !== null && 'title' in e ? String(e.title) : '',
      )
      .filter(Boolean)
    if (titles.length > 0) return titles.join('; ')
  }
  // Jira's own envelope: {errorMessages: [...], errors: {field: text}}.
  if (Array.isArray(b.errorMessages) && b.errorMessages.length > 0)
    return b.errorMessages.map(String).join('; ')
  if (typeof b.errors === 'object' && b.errors !== null && !Array.isArray(b.errors)) {
    const fields = Object.entries(b.errors as Record<string, unknown>)
    if (fields.length > 0) return fields.map(([k, v]) => `${k}: ${String(v)}`).join('; ')
  }
  return typeof b.message === 'string' ? b.message : undefined
}

export function failureOfStatus(
  operation: string,
  status: number,
  headers: Headers,
  body: unknown,
  now: number,
): JsmFailure {
  const text = serverText(body)
  const said = text === undefined ? '' : `: ${text}`
  const base = { operation, ...(text !== undefined ? { serverMessage: text } : {}) }
  switch (status) {
    case 401:
      return {
        ...base,
        kind: 'bad-key',
        status,
        message: `JSM did not accept the e-mail and API token${said}. Check both, or create a new API token.`,
      }
    case 402:
      return {
        ...base,
        kind: 'plan',
        status,
        message: `Your JSM plan does not include this${said}.`,
      }
    case 403:
      return {
        ...base,
        kind: 'wrong-key',
        status,
        message: `JSM refused ${operation} for this user${said}. The user needs an operations role that allows it.`,
      }
    case 404:
      return {
        ...base,
        kind: 'not-found',
        status,
        message: `JSM found nothing for ${operation}${said}.`,
      }
    case 400:
    case 409:
    case 422:
      return {
        ...base,
        kind: 'invalid',
        origin: 'server',
        status,
        errors: { request: text ?? `refused with ${status}` },
        message: `JSM refused ${operation} as invalid${said}.`,
      }
    case 429: {
      const retry = retryAfterSeconds(headers, now)
      return {
        ...base,
        kind: 'throttled',
        status,
        ...(retry !== undefined ? { retryAfterSeconds: retry } : {}),
        message: `JSM's rate limit was reached; Ondeck waits ${retry ?? 60} s before sending again.`,
      }
    }
    default:
      return status >= 500
        ? { ...base, kind: 'server', status, message: `JSM had a server error (${status})${said}.` }
        : {
            ...base,
            kind: 'unexpected',
            status,
            message: `JSM answered ${operation} with ${status}${said}.`,
          }
  }
}

/** `Retry-After` in seconds (or an HTTP date), else `X-RateLimit-Reset` (ISO 8601). */
export function retryAfterSeconds(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after')?.trim()
  if (raw) {
    if (/^\d+$/.test(raw)) return Math.max(1, Number(raw))
    const at = Date.parse(raw)
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now) / 1000))
  }
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '')
  return Number.isNaN(reset) ? undefined : Math.max(1, Math.ceil((reset - now) / 1000))
}
