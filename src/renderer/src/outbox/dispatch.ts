import { assertNever } from '../../../shared/assert-never'
import type { Envelope, IpcError } from '../../../shared/ipc/envelope'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import { rulesOf } from '../../../shared/commands/catalogue'
import { noteMarker } from './commands'
import { noteOf } from './overlay'
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
export function markedNote(command: { id: string; input: { note: string } }): string {
  return `${command.input.note}\n\n${noteMarker(command.id)}`
}

type Send = (input: object) => Promise<Envelope<ActionOutcome>>

/**
 * Sends one command through the port at `replay` priority, on the channel its kind names. Note
 * commands carry their marker (effect-once by note marker); `incidentId` is the resolved id when
 * the command targets an incident a queued create opened.
 */
export function sendCommand(
  port: OutboxPort,
  command: OutboxCommand,
  incidentId?: string,
): Promise<SendResult> {
  const rules = rulesOf(command.kind)
  const input: Record<string, unknown> = {
    ...command.input,
    workspaceId: command.workspaceId,
    requestPriority: 'replay',
  }
  if (rules.target === 'incident' && incidentId !== undefined) input['incidentId'] = incidentId
  if (rules.effectOnce.strategy === 'note-marker') {
    input['note'] = markedNote({ id: command.id, input: { note: noteOf(command) } })
  }
  const [domain, verb] = command.kind.split(':') as ['alerts' | 'incidents', string]
  // The port has a method for every kind (OutboxPort derives them from the catalogue), and the
  // stored input was checked against the channel's schema at enqueue: the cast restates both.
  const send = (port[domain] as unknown as Record<string, Send>)[verb]
  if (send === undefined)
    return Promise.resolve({ kind: 'not-sent', message: `no ${command.kind}` })
  return settle(() => send(input))
}
