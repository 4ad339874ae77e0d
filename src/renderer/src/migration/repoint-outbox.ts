import { addressed } from '../../../shared/commands/catalogue'
import { laneOf } from '../outbox/commands'
import type { OutboxDb } from '../outbox/outbox-db'
import { ACTIVE_STATES, type OutboxCommand } from '../outbox/record'

/**
 * Commands still queued for Opsgenie that address an alert by its Opsgenie id are re-pointed to
 * the matched JSM id (input and lane), so the responder's "send to JSM" acts on the right alert.
 * They still wait for that confirmation (`../outbox/provider-guard.ts`); the engine's confirm
 * reads the row back from disk for this. Commands by alias need nothing: aliases carry over.
 * Answers how many still wait for the responder.
 */
export async function repointOutbox(
  outbox: OutboxDb,
  workspaceId: string,
  ids: ReadonlyMap<string, string>,
): Promise<{ held: number; repointed: number }> {
  let repointed = 0
  let held = 0
  await outbox.transaction('rw', outbox.commands, async () => {
    const active = await outbox.commands
      .where('[workspaceId+state]')
      .anyOf(ACTIVE_STATES.map((s) => [workspaceId, s]))
      .filter((c) => (c.provider ?? 'opsgenie') !== 'jsm')
      .toArray()
    held = active.length
    for (const c of active) {
      const a = addressed(c)
      if (a.target !== 'alert' || a.input.by === 'alias') continue
      const to = ids.get(a.input.alertId)
      if (to === undefined) continue
      const input = { ...c.input, alertId: to }
      const next = { ...c, input } as OutboxCommand
      await outbox.commands.put({ ...next, lane: laneOf(next, c.id) })
      repointed += 1
    }
  })
  return { held, repointed }
}
