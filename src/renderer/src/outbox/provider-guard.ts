import type { CommandProvider, OutboxCommand } from './record'

/**
 * Moving a workspace from Opsgenie to Jira Service Management (`../migration/`): a command queued
 * for one provider is never sent to another on its own. The engine holds it in the existing
 * "confirm" wait with this message; the responder's "send" (or cancel) in the Outbox decides.
 */
export const PROVIDER_NAMES: Record<CommandProvider, string> = {
  opsgenie: 'Opsgenie',
  jsm: 'Jira Service Management',
}

export function movedMessage(from: CommandProvider, to: CommandProvider): string {
  const short = to === 'jsm' ? 'JSM' : PROVIDER_NAMES[to]
  return `queued for ${PROVIDER_NAMES[from]} before the move to ${PROVIDER_NAMES[to]}: send to ${short}?`
}

export const queuedFor = (c: Pick<OutboxCommand, 'provider'>): CommandProvider =>
  c.provider ?? 'opsgenie'

/** Whether the command waits only because the workspace moved to another provider. */
export function isHeldForMove(c: OutboxCommand): boolean {
  return c.state === 'waiting' && c.wait?.reason === 'confirm' && c.wait.moved === true
}
