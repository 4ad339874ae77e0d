import type { ConnectionHealth } from '@shared/ipc/schemas'
import { assertNever } from '../../../shared/assert-never'
import { ProviderError } from '../provider/provider'
import type { PollOutcome } from './poller'
import { TOKEN_REFUSED, type RelayClientState } from './relay-client'

type HealthView = Pick<ConnectionHealth, 'state' | 'detail'>

/** `undefined`: this state says nothing new (connecting, or a deliberate reconnect). */
export function healthOfRelay(state: RelayClientState): HealthView | undefined {
  switch (state.status) {
    case 'connecting':
      return undefined
    case 'open':
      return { state: 'live', detail: undefined }
    case 'stopped':
      return { state: 'offline', detail: 'intake stopped' }
    case 'waiting': {
      const end = state.end
      switch (end.kind) {
        case 'refused':
          return {
            state: 'degraded',
            detail: `${TOKEN_REFUSED}; check or re-create it (retrying slowly)`,
          }
        case 'http':
          return { state: 'degraded', detail: end.detail }
        case 'network':
        case 'heartbeat':
        case 'ended':
          return { state: 'offline', detail: end.detail }
        case 'interrupted':
          return undefined
        default:
          return assertNever(end, 'relay stream end')
      }
    }
    default:
      return assertNever(state, 'relay client state')
  }
}

/** Key or plan problems need the responder; network trouble passes by itself. */
export function healthOfPoll(outcome: PollOutcome): HealthView {
  if (outcome.ok) return { state: 'polling', detail: undefined }
  const error = outcome.error
  if (!(error instanceof ProviderError))
    return {
      state: 'degraded',
      detail: `polling failed: ${error instanceof Error ? error.message : String(error)}`,
    }
  const failure = error.failure
  switch (failure.kind) {
    case 'unreachable':
      return { state: 'offline', detail: failure.message }
    case 'throttled':
      return {
        state: 'polling',
        detail: `Opsgenie is throttling searches; the next poll waits: ${failure.message}`,
      }
    case 'refused':
      return { state: 'degraded', detail: failure.message }
    default:
      return assertNever(failure, 'read failure')
  }
}
