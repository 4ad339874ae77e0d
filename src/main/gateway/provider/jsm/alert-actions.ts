import type { z } from 'zod'
import type { ParsedCommandInput } from '../../../../shared/commands/catalogue'
import type { AlertTarget } from '../../../../shared/provider/actions'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { RequestPriority } from '../../governor'
import type { Provider } from '../provider'
import type { JsmClient, ResponderInput } from './client'
import type { JsmDirectory } from './directory'
import { isJsmError } from './errors'
import type { Governed } from './governed'
import type { Accepted } from './schemas'
import { outcomeOfError, refusedHere } from './outcomes'

type Target = z.output<typeof AlertTarget>

/**
 * Alert actions on JSM. JSM addresses alerts by id only, so an action `by: 'alias'` first looks
 * the alias up (its own call); responders, owners and escalations given by name are resolved to
 * ids through the directory. JSM's action endpoints take no note: a note that comes with an
 * action is added after the action is accepted, as its own request.
 */
export function jsmAlertActions(
  client: JsmClient,
  governed: Governed,
  directory: JsmDirectory,
  now: () => number,
): Omit<Provider['alerts'], 'get' | 'list' | 'notes'> {
  const a = client.alerts

  /** The alert's id, or the outcome to answer when it cannot be had. */
  async function idOf(input: Target, priority: RequestPriority): Promise<string | ActionOutcome> {
    if (input.by !== 'alias') return input.alertId
    try {
      return (await governed('alert', priority, () => a.byAlias(input.alertId))).id
    } catch (error) {
      if (isJsmError(error, 'not-found'))
        return {
          status: 'rejected',
          kind: 'not-found',
          message: `No alert has the alias ${input.alertId}.`,
        }
      return outcomeOfError(error, now())
    }
  }

  async function run(
    input: Target,
    priority: RequestPriority | undefined,
    call: (id: string) => Promise<Accepted>,
  ): Promise<ActionOutcome> {
    const p = priority ?? 'user'
    const id = await idOf(input, p)
    if (typeof id !== 'string') return id
    let outcome: ActionOutcome
    try {
      const accepted = await governed('alert', p, () => call(id))
      outcome = { status: 'accepted', requestId: accepted.requestId }
    } catch (error) {
      return outcomeOfError(error, now())
    }
    if (input.note !== undefined) {
      const note = input.note
      // Best effort: the action went through; a lost note must not make the outbox resend it.
      await governed('alert', p, () => a.addNote(id, note)).catch(() => undefined)
    }
    return outcome
  }

  const named = async (ref: {
    type: ResponderInput['type']
    id?: string | undefined
    name?: string | undefined
  }): Promise<ResponderInput | ActionOutcome> => {
    try {
      const id = await directory.resolve(ref)
      if (id !== undefined) return { type: ref.type, id }
      return refusedHere(`JSM has no ${ref.type} named ${ref.name ?? '(none)'}.`, 'responder')
    } catch (error) {
      return outcomeOfError(error, now())
    }
  }
  const isOutcome = (x: ResponderInput | ActionOutcome): x is ActionOutcome => 'status' in x

  return {
    acknowledge: (i, p) => run(i, p, (id) => a.acknowledge(id)),
    unacknowledge: (i, p) => run(i, p, (id) => a.unacknowledge(id)),
    close: (i, p) => run(i, p, (id) => a.close(id)),
    snooze: (i, p) => run(i, p, (id) => a.snooze(id, i.endTime)),
    setPriority: (i, p) => run(i, p, (id) => a.setPriority(id, i.priority)),
    async addNote(i, p) {
      const id = await idOf(i, p ?? 'user')
      if (typeof id !== 'string') return id
      try {
        // Notes are synchronous in JSM: the answer is the note itself.
        await governed('alert', p ?? 'user', () => a.addNote(id, i.note))
        return { status: 'confirmed', entityId: id }
      } catch (error) {
        return outcomeOfError(error, now())
      }
    },
    async assign(i, p) {
      const owner = await named({ type: 'user', id: i.owner.id, name: i.owner.username })
      if (isOutcome(owner)) return owner
      return run({ ...i, note: i.note }, p, (id) => a.assign(id, owner.id))
    },
    async addResponder(i, p) {
      const r = await named(i.responder)
      if (isOutcome(r)) return r
      return run(i, p, (id) => a.addResponder(id, r))
    },
    async escalate(i, p) {
      const e = await named({ type: 'escalation', id: i.escalation.id, name: i.escalation.name })
      if (isOutcome(e)) return e
      return run(i, p, (id) => a.escalate(id, e.id))
    },
    async create(i: ParsedCommandInput<'alerts:create'>, p) {
      const responders: ResponderInput[] = []
      for (const ref of i.responders) {
        const r = await named(ref)
        if (isOutcome(r)) return r
        responders.push(r)
      }
      try {
        const accepted = await governed('alert', p ?? 'user', () =>
          a.create({
            message: i.message,
            responders,
            tags: i.tags,
            priority: i.priority,
            source: i.source ?? 'Ondeck',
            ...(i.alias !== undefined ? { alias: i.alias } : {}),
            ...(i.description !== undefined ? { description: i.description } : {}),
            ...(i.entity !== undefined ? { entity: i.entity } : {}),
            ...(i.note !== undefined ? { note: i.note } : {}),
            ...(i.details !== undefined ? { extraProperties: i.details } : {}),
          }),
        )
        return { status: 'accepted', requestId: accepted.requestId }
      } catch (error) {
        return outcomeOfError(error, now())
      }
    },
  }
}
