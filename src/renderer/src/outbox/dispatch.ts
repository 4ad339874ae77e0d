import { assertNever } from '../../../shared/assert-never'
import type { Envelope, IpcError } from '../../../shared/ipc/envelope'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import { noteMarker } from './commands'
import type { OutboxPort } from './port'
import type { OutboxCommand } from './record'

/** Either an outcome from the provider or a reason the command could not even be sent. */
export type SendResult =
  | { kind: 'outcome'; outcome: ActionOutcome }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-sent'; message: string }

/**
 * Turns an IPC answer into a send result. Only an answer that proves main never acted may be
 * `not-sent` (its `maybeSent` is cleared and it is resent without looking): the transport never
 * wrote it, or main's router refused it before any handler ran. A lost transport, a handler that
 * failed after it may have sent, or a thrown call are `unknown`: reconciled before any resend.
 */
export async function settle(call: () => Promise<Envelope<ActionOutcome>>): Promise<SendResult> {
  try {
    const answer = await call()
    return answer.ok ? { kind: 'outcome', outcome: answer.value } : fromError(answer.error)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'outcome', outcome: { status: 'unknown', message } }
  }
}

function fromError(error: IpcError): SendResult {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ')
  const message = issues ? `${error.message} (${issues})` : error.message
  switch (error.code) {
    case 'invalid-input':
      return { kind: 'invalid', message }
    case 'not-sent':
    case 'forbidden-sender':
    case 'unknown-channel':
      return { kind: 'not-sent', message }
    case 'transport-lost':
    case 'failed':
      return { kind: 'outcome', outcome: { status: 'unknown', message } }
    default:
      return assertNever(error.code, 'IPC error code')
  }
}

/** The text a note command sends: the responder's note plus the command's marker. */
export function markedNote(command: OutboxCommand): string {
  return `${String(command.input['note'])}\n\n${noteMarker(command.id)}`
}

/**
 * Sends one command through the port at `replay` priority. `incidentId` is the resolved id when
 * the command targets an incident a queued create opened.
 */
export function sendCommand(
  port: OutboxPort,
  command: OutboxCommand,
  incidentId?: string,
): Promise<SendResult> {
  const base = { ...command.input, workspaceId: command.workspaceId, requestPriority: 'replay' }
  const inc = { ...base, incidentId: incidentId ?? String(command.input['incidentId']) }
  // The stored input was checked against the channel schema at enqueue; the casts restate that.
  type In<F extends (input: never) => unknown> = Parameters<F>[0]
  const { alerts: a, incidents: i } = port
  switch (command.kind) {
    case 'alerts:acknowledge':
      return settle(() => a.acknowledge(base as In<typeof a.acknowledge>))
    case 'alerts:unacknowledge':
      return settle(() => a.unacknowledge(base as In<typeof a.unacknowledge>))
    case 'alerts:close':
      return settle(() => a.close(base as In<typeof a.close>))
    case 'alerts:addNote':
      return settle(() => a.addNote({ ...base, note: markedNote(command) } as In<typeof a.addNote>))
    case 'alerts:assign':
      return settle(() => a.assign(base as In<typeof a.assign>))
    case 'alerts:addResponder':
      return settle(() => a.addResponder(base as In<typeof a.addResponder>))
    case 'alerts:escalate':
      return settle(() => a.escalate(base as In<typeof a.escalate>))
    case 'alerts:snooze':
      return settle(() => a.snooze(base as In<typeof a.snooze>))
    case 'alerts:setPriority':
      return settle(() => a.setPriority(base as In<typeof a.setPriority>))
    case 'alerts:create':
      return settle(() => a.create(base as In<typeof a.create>))
    case 'incidents:create':
      return settle(() => i.create(base as In<typeof i.create>))
    case 'incidents:resolve':
      return settle(() => i.resolve(inc as In<typeof i.resolve>))
    case 'incidents:close':
      return settle(() => i.close(inc as In<typeof i.close>))
    case 'incidents:reopen':
      return settle(() => i.reopen(inc as In<typeof i.reopen>))
    case 'incidents:addNote':
      return settle(() => i.addNote({ ...inc, note: markedNote(command) } as In<typeof i.addNote>))
    case 'incidents:addResponders':
      return settle(() => i.addResponders(inc as In<typeof i.addResponders>))
    case 'incidents:setPriority':
      return settle(() => i.setPriority(inc as In<typeof i.setPriority>))
    case 'incidents:updateDescription':
      return settle(() => i.updateDescription(inc as In<typeof i.updateDescription>))
    default:
      return assertNever(command.kind, 'outbox command kind')
  }
}
