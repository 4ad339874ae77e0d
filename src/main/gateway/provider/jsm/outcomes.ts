import { assertNever } from '../../../../shared/assert-never'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { SendResult, Throttle } from '../../governor'
import { ProviderError, type ReadFailure } from '../provider'
import { isJsmError, type JsmFailure } from './errors'

/** Errors that mean the request never left this machine, so nothing can have happened. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
])

/**
 * A failed call as the outcome the outbox acts on. As with Opsgenie, the line that matters is
 * `offline` (provably not sent) versus `unknown` (sent, answer lost: reconcile before resending).
 */
export function outcomeOfError(error: unknown, now: number): ActionOutcome {
  if (!isJsmError(error)) {
    return { status: 'unknown', message: error instanceof Error ? error.message : String(error) }
  }
  return outcomeOfFailure(error.failure, now)
}

export function outcomeOfFailure(failure: JsmFailure, now: number): ActionOutcome {
  const message = failure.message
  switch (failure.kind) {
    case 'throttled':
      return { status: 'throttled', retryAt: now + (failure.retryAfterSeconds ?? 60) * 1000 }
    case 'network':
      return failure.code !== undefined && NOT_SENT.has(failure.code)
        ? { status: 'offline', message }
        : { status: 'unknown', message }
    case 'timeout':
    case 'server':
    case 'unexpected':
      return { status: 'unknown', message }
    case 'bad-key':
    case 'wrong-key':
    case 'plan':
    case 'not-found':
      return { status: 'rejected', kind: failure.kind, message }
    case 'invalid':
      return { status: 'rejected', kind: 'invalid', message, fields: { ...failure.errors } }
    default:
      return assertNever(failure, 'JSM failure')
  }
}

/** Tells the governor about a 429 so it waits `Retry-After` before the next request. */
export function classifyJsm<T>(result: SendResult<T>): { throttled?: Throttle } {
  if (result.ok || !isJsmError(result.error, 'throttled')) return {}
  const failure = result.error.failure
  return failure.kind === 'throttled'
    ? { throttled: { periodSeconds: failure.retryAfterSeconds ?? 60 } }
    : {}
}

export function readFailureOf(failure: JsmFailure): ReadFailure {
  const message = failure.message
  switch (failure.kind) {
    case 'network':
    case 'timeout':
    case 'server':
      return { kind: 'unreachable', message }
    case 'throttled':
      return { kind: 'throttled', message }
    case 'bad-key':
    case 'wrong-key':
    case 'plan':
    case 'not-found':
    case 'invalid':
    case 'unexpected':
      return { kind: 'refused', reason: failure.kind, message }
    default:
      return assertNever(failure, 'JSM failure')
  }
}

/** A failed feed read as a ProviderError; anything else (an abort) passes as is. */
export function readErrorOf(error: unknown): unknown {
  return isJsmError(error)
    ? new ProviderError(readFailureOf(error.failure), { cause: error })
    : error
}

/** A refusal made here, before anything was sent (a name the directory does not know). */
export const refusedHere = (message: string, field: string): ActionOutcome => ({
  status: 'rejected',
  kind: 'invalid',
  message,
  fields: { [field]: message },
})
