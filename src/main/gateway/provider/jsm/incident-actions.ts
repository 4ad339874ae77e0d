import type { ParsedCommandInput } from '../../../../shared/commands/catalogue'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { RequestPriority } from '../../governor'
import type { Provider } from '../provider'
import type { JsmClient } from './client'
import type { JsmDirectory } from './directory'
import type { Governed } from './governed'
import type { Transition } from './schemas'
import { outcomeOfError, refusedHere } from './outcomes'
import type { PriorityTable } from './priorities'
import { ariOf } from './to-domain'

type Goal = 'resolve' | 'close' | 'reopen'

/**
 * Which of the workflow's transitions reaches `goal`: a done status named resolved (else any
 * done one not named closed) to resolve; a done status named closed to close; a status outside
 * done to reopen. Workflows are the site's own, so names are matched loosely and the choice
 * is made from what Jira offers for this issue now.
 */
export function pickTransition(
  transitions: readonly Transition[],
  goal: Goal,
): Transition | undefined {
  const done = (t: Transition): boolean => t.to?.statusCategory?.key === 'done'
  const named = (t: Transition, re: RegExp): boolean =>
    re.test(`${t.name ?? ''} ${t.to?.name ?? ''}`)
  if (goal === 'reopen') return transitions.find((t) => !done(t))
  if (goal === 'close') return transitions.find((t) => done(t) && named(t, /clos/i))
  return (
    transitions.find((t) => done(t) && named(t, /resol/i)) ??
    transitions.find((t) => done(t) && !named(t, /clos/i))
  )
}

/**
 * Incident actions as Jira issue calls, all synchronous: an answer means it happened
 * (`confirmed`, the issue key as entity id). Responders go through the JSM incidents API.
 */
export function jsmIncidentActions(
  client: JsmClient,
  governed: Governed,
  directory: JsmDirectory,
  projectKey: string | undefined,
  priorities: () => Promise<PriorityTable>,
  now: () => number,
): Omit<Provider['incidents'], 'get' | 'list' | 'notes'> {
  const j = client.issues
  const sync = async (
    key: string,
    priority: RequestPriority | undefined,
    call: () => Promise<unknown>,
  ): Promise<ActionOutcome> => {
    try {
      await governed('incident', priority ?? 'user', call)
      return { status: 'confirmed', entityId: key }
    } catch (error) {
      if (error instanceof Error && error.name === 'NoTransition')
        return { status: 'rejected', kind: 'failed', message: error.message }
      return outcomeOfError(error, now())
    }
  }
  const withNote = (key: string, note: string | undefined, p?: RequestPriority) =>
    note === undefined
      ? Promise.resolve()
      : governed('incident', p ?? 'user', () => j.comment(key, note)).then(() => undefined)

  async function move(
    key: string,
    goal: Goal,
    note: string | undefined,
    p?: RequestPriority,
  ): Promise<ActionOutcome> {
    return sync(key, p, async () => {
      const { transitions } = await j.transitions(key)
      const t = pickTransition(transitions, goal)
      if (t === undefined) throw noTransition(key, goal, transitions)
      await j.transition(key, t.id)
      await withNote(key, note, p)
    })
  }

  async function aris(
    refs: readonly { type: 'team' | 'user'; id?: string | undefined; name?: string | undefined }[],
  ): Promise<string[] | ActionOutcome> {
    const out: string[] = []
    for (const ref of refs) {
      const id = await directory.resolve(ref).catch(() => undefined)
      if (id === undefined)
        return refusedHere(`JSM has no ${ref.type} named ${ref.name ?? '(none)'}.`, 'responders')
      out.push(ariOf({ type: ref.type, id }))
    }
    return out
  }

  /** The numeric issue id the incidents API takes. */
  const issueIdOf = async (key: string): Promise<string> => (await j.get(key)).id

  return {
    resolve: (i, p) => move(i.incidentId, 'resolve', i.note, p),
    close: (i, p) => move(i.incidentId, 'close', i.note, p),
    reopen: (i, p) => move(i.incidentId, 'reopen', i.note, p),
    addNote: (i, p) => sync(i.incidentId, p, () => j.comment(i.incidentId, i.note)),
    setPriority: (i, p) =>
      sync(i.incidentId, p, async () =>
        j.edit(i.incidentId, { priority: (await priorities()).toJira(i.priority) }),
      ),
    updateDescription: (i, p) =>
      sync(i.incidentId, p, () => j.edit(i.incidentId, { description: i.description })),
    async addResponders(i, p) {
      const list = await aris(i.responders)
      if (!Array.isArray(list)) return list
      return sync(i.incidentId, p, async () => {
        const id = await issueIdOf(i.incidentId)
        await client.incidents.addResponders(id, list)
        await withNote(i.incidentId, i.note, p)
      })
    },
    async create(i: ParsedCommandInput<'incidents:create'>, p) {
      if (projectKey === undefined)
        return {
          status: 'rejected',
          kind: 'plan',
          message: 'No incident project is set for this JSM workspace (Settings, Workspaces).',
        }
      const list = await aris(i.responders)
      if (!Array.isArray(list)) return list
      let created: { id: string; key: string }
      const priority = (await priorities()).toJira(i.priority)
      try {
        created = await governed('incident', p ?? 'user', () =>
          j.create({
            projectKey,
            summary: i.message,
            priority,
            labels: i.tags,
            ...(i.description !== undefined ? { description: i.description } : {}),
          }),
        )
      } catch (error) {
        return outcomeOfError(error, now())
      }
      // The issue exists from here on: what follows cannot undo it, so the create is confirmed
      // and a responder or note that failed is added by hand (the incident shows who responds).
      await governed('incident', p ?? 'user', async () => {
        if (list.length > 0) await client.incidents.addResponders(created.id, list)
        await withNote(created.key, i.note, p)
      }).catch(() => undefined)
      return { status: 'confirmed', entityId: created.key }
    },
  }
}

function noTransition(key: string, goal: Goal, offered: readonly Transition[]): Error {
  const names = offered.map((t) => t.name ?? t.id).join(', ') || 'none'
  return Object.assign(
    new Error(`The workflow of ${key} offers no transition to ${goal} it (offered: ${names}).`),
    {
      name: 'NoTransition',
    },
  )
}
