import type { ActionOutcome } from '../../../../shared/provider/outcome'
import { assertNever } from '../../../../shared/assert-never'
import { UNSUPPORTED_REQUEST } from './error-mapping'
import { isOpsgenieError, type OpsgenieFailure } from './index'
import type { SendResult, Throttle } from '../../governor'
import { ProviderError, type ReadFailure } from '../provider'

/** Errors that mean the request never left this machine, so nothing can have happened. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
])

/**
 * Maps a failed call to the outcome the outbox acts on. The line that matters for effect-once is
 * between `offline` (provably not sent: safe to send again) and `unknown` (sent, answer lost:
 * reconcile before sending again). A timeout, a reset or a 5xx is `unknown`: Opsgenie may have
 * applied the request before the answer was lost.
 */
export function outcomeOfError(error: unknown, now: number): ActionOutcome {
  if (!isOpsgenieError(error)) {
    const message = error instanceof Error ? error.message : String(error)
    return { status: 'unknown', message }
  }
  return outcomeOfFailure(error.failure, now)
}

export function outcomeOfFailure(failure: OpsgenieFailure, now: number): ActionOutcome {
  const message = failure.message
  switch (failure.kind) {
    case 'throttled':
      return {
        status: 'throttled',
        retryAt: now + (failure.periodSeconds ?? 60) * 1000,
        ...(failure.reason !== undefined ? { reason: failure.reason } : {}),
      }
    case 'network':
      return failure.code !== undefined && NOT_SENT_CODES.has(failure.code)
        ? { status: 'offline', message }
        : { status: 'unknown', message }
    case 'timeout':
    case 'server':
    case 'unexpected':
      return {
        status: 'unknown',
        message,
        ...(failure.requestId ? { requestId: failure.requestId } : {}),
      }
    case 'wrong-key':
      // Only a refusal of the key pauses the outbox; an unsupported request fails this command.
      return failure.code === UNSUPPORTED_REQUEST
        ? { status: 'rejected', kind: 'failed', message }
        : { status: 'rejected', kind: failure.kind, message }
    case 'bad-key':
    case 'plan':
    case 'not-found':
      return { status: 'rejected', kind: failure.kind, message }
    case 'invalid':
      return { status: 'rejected', kind: 'invalid', message, fields: { ...failure.errors } }
    default:
      return assertNever(failure, 'Opsgenie failure')
  }
}

/** Tells the governor about a 429 so it waits the advertised period before the next request. */
export function classifyOpsgenie<T>(result: SendResult<T>): { throttled?: Throttle } {
  if (result.ok || !isOpsgenieError(result.error)) return {}
  const failure = result.error.failure
  if (failure.kind !== 'throttled') return {}
  return {
    throttled: {
      periodSeconds: failure.periodSeconds ?? 60,
      ...(failure.reason !== undefined ? { reason: failure.reason } : {}),
    },
  }
}

/** A failed feed read as a ProviderError; anything not from Opsgenie (an abort) passes as is. */
export function readErrorOf(error: unknown): unknown {
  if (!isOpsgenieError(error)) return error
  return new ProviderError(readFailureOf(error.failure), { cause: error })
}

export function readFailureOf(failure: OpsgenieFailure): ReadFailure {
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
      return assertNever(failure, 'Opsgenie failure')
  }
}
