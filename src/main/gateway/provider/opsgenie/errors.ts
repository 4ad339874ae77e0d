/**
 * Every way an Opsgenie call can fail, as data. The client throws `OpsgenieError` carrying one
 * of these (it never returns a failure value), so callers `catch` once and `switch` on `kind`.
 */
interface FailureBase {
  /** One sentence a responder understands; never contains the API key. */
  readonly message: string
  /** e.g. `POST /v2/alerts`; `client` for input rejected before sending. */
  readonly operation: string
  readonly requestId?: string
  /** Opsgenie's own `message`, kept for logs. */
  readonly serverMessage?: string
}

export type OpsgenieFailure = FailureBase &
  (
    | { readonly kind: 'bad-key'; readonly status: 401 }
    | { readonly kind: 'wrong-key'; readonly status: 403; readonly code?: number }
    | { readonly kind: 'plan'; readonly status: 402 }
    | { readonly kind: 'not-found'; readonly status: 404; readonly errorType?: string }
    | {
        readonly kind: 'invalid'
        /** `client` when our own validation refused to send it. */
        readonly origin: 'client' | 'server'
        readonly status?: number
        /** field path -> problem, e.g. `responders#type` or `tags.3`. */
        readonly errors: Readonly<Record<string, string>>
      }
    | {
        readonly kind: 'throttled'
        readonly status: 429
        /** From `X-RateLimit-Period-In-Sec`: 60 = per-minute bucket, 1 = per-second bucket. */
        readonly periodSeconds?: number
        readonly reason?: string
        readonly state?: string
      }
    | { readonly kind: 'server'; readonly status: number }
    | { readonly kind: 'network'; readonly code?: string }
    | { readonly kind: 'timeout'; readonly timeoutMs: number }
    /** Any other status, or a 2xx body that does not match the expected shape. */
    | { readonly kind: 'unexpected'; readonly status?: number }
  )

export type OpsgenieFailureKind = OpsgenieFailure['kind']

export class OpsgenieError extends Error {
  override readonly name = 'OpsgenieError'
  readonly failure: OpsgenieFailure

  constructor(failure: OpsgenieFailure) {
    super(failure.message)
    this.failure = failure
  }

  get kind(): OpsgenieFailureKind {
    return this.failure.kind
  }
}

export function isOpsgenieError(
  error: unknown,
  kind?: OpsgenieFailureKind,
): error is OpsgenieError {
  return error instanceof OpsgenieError && (kind === undefined || error.failure.kind === kind)
}

/** Field errors as one line: `message: too long; tags.0: too long`. */
export function describeFieldErrors(errors: Readonly<Record<string, string>>): string {
  return Object.entries(errors)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join('; ')
}
