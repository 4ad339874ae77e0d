import { assertNever } from '../../../shared/assert-never'
import type { RequestInput } from '../../../shared/ipc/contract'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { Envelope } from '../../../shared/ipc/envelope'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import type { ActionRecord, AlertActionName } from '../stores/action-store'

type Args<K extends AlertActionName> = Omit<RequestInput<`alerts:${K}`>, 'workspaceId' | 'alertId'>

/** One responder action on one alert, with whatever that action needs (note, owner, ...). */
export type AlertActionRequest = {
  [K in AlertActionName]: { action: K; alertId: string; args: Args<K> }
}[AlertActionName]

function send(
  api: OndeckApi,
  workspaceId: string,
  request: AlertActionRequest,
): Promise<Envelope<ActionOutcome>> {
  const target = { workspaceId, alertId: request.alertId }
  switch (request.action) {
    case 'acknowledge':
      return api.alerts.acknowledge({ ...request.args, ...target })
    case 'unacknowledge':
      return api.alerts.unacknowledge({ ...request.args, ...target })
    case 'close':
      return api.alerts.close({ ...request.args, ...target })
    case 'addNote':
      return api.alerts.addNote({ ...request.args, ...target })
    case 'assign':
      return api.alerts.assign({ ...request.args, ...target })
    case 'addResponder':
      return api.alerts.addResponder({ ...request.args, ...target })
    case 'escalate':
      return api.alerts.escalate({ ...request.args, ...target })
    case 'snooze':
      return api.alerts.snooze({ ...request.args, ...target })
    case 'setPriority':
      return api.alerts.setPriority({ ...request.args, ...target })
    default:
      return assertNever(request)
  }
}

export function recordOf(
  action: AlertActionName,
  envelope: Envelope<ActionOutcome>,
  at: number,
): ActionRecord {
  if (!envelope.ok) return { action, phase: 'failed', message: envelope.error.message, at }
  const outcome = envelope.value
  switch (outcome.status) {
    case 'accepted':
      return { action, phase: 'accepted', requestId: outcome.requestId, at }
    case 'confirmed':
      return {
        action,
        phase: 'confirmed',
        at,
        ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
      }
    case 'throttled':
      return {
        action,
        phase: 'throttled',
        message:
          outcome.reason ??
          `rate limited; retry after ${new Date(outcome.retryAt).toLocaleTimeString()}`,
        at,
      }
    case 'offline':
    case 'unknown':
      return { action, phase: outcome.status, message: outcome.message, at }
    case 'rejected':
      return { action, phase: 'rejected', message: `${outcome.kind}: ${outcome.message}`, at }
    default:
      return assertNever(outcome)
  }
}

export interface RunActionOptions {
  record(alertId: string, record: ActionRecord): void
  /** How many times to ask `requests:status` about an accepted action before leaving it. */
  followAttempts?: number
  followDelayMs?: number
}

/**
 * Sends an action straight through the gateway (until the outbox replaces this path), records its
 * outcome, and follows an accepted one with `requests:status` until Opsgenie confirms or rejects.
 */
export async function runAlertAction(
  api: OndeckApi,
  workspaceId: string,
  request: AlertActionRequest,
  options: RunActionOptions,
): Promise<ActionRecord> {
  const { action, alertId } = request
  options.record(alertId, { action, phase: 'sending', at: Date.now() })
  let record = recordOf(action, await send(api, workspaceId, request), Date.now())
  options.record(alertId, record)
  const attempts = options.followAttempts ?? 5
  for (let n = 0; n < attempts && record.phase === 'accepted' && record.requestId; n += 1) {
    await new Promise((resolve) => setTimeout(resolve, options.followDelayMs ?? 1000))
    const status = await api.requests.status({
      workspaceId,
      domain: 'alert',
      requestId: record.requestId,
    })
    record = recordOf(action, status, Date.now())
    options.record(alertId, record)
  }
  return record
}
