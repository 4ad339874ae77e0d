import type { z } from 'zod'
import type { Alert, Incident, Priority } from '../domain'

/**
 * What a command acts on: an existing alert or incident, or one it creates. The outbox derives
 * lanes, reconciliation and descriptions from it, so a new command states it once here.
 */
export type CommandTarget = 'alert' | 'incident' | 'new-alert' | 'new-incident'
export type EntityOf<T extends CommandTarget> = T extends 'alert' | 'new-alert' ? Alert : Incident

/**
 * How the outbox makes sure a command whose send had an unknown outcome takes effect once:
 * - state: look at the target and ask `applied` (a state change is safe to compare);
 * - note-marker: the note carries a marker the outbox looks for among the target's notes;
 * - alias: an alert create carries a deterministic alias and is looked up by it;
 * - marker-tag: an incident create carries a marker tag and is looked up by it;
 * - none: nothing to look at; `why` says what a resend does.
 */
export type EffectOnce<E, I> =
  | { readonly strategy: 'state'; readonly applied: (entity: E, input: I) => boolean }
  | { readonly strategy: 'note-marker' }
  | { readonly strategy: 'alias' }
  | { readonly strategy: 'marker-tag' }
  | { readonly strategy: 'none'; readonly why: string }

export type EffectStrategy = EffectOnce<unknown, unknown>['strategy']

/** What a form's initial values may depend on: the entity as the responder sees it. */
export interface FormContext {
  readonly priority: Priority
}

/**
 * Where a `pick` field's choices come from: the cache's directory, so a responder picks a name
 * Opsgenie knows instead of typing one that fails later. `responders` lists the directory of the
 * type another field of the form holds (team, user, schedule, escalation).
 */
export type DirectoryPick =
  { readonly from: 'escalations' } | { readonly from: 'responders'; readonly typeField: string }

/** One field of a command's form; its value is a string (selects too) until `toInput`. */
export interface FormField {
  /** Key in the form's values. */
  readonly name: string
  readonly label: string
  /** `pick`: a select of directory names (`pick` says which); free text while none are cached. */
  readonly control: 'text' | 'textarea' | 'select' | 'pick'
  readonly options?: readonly { readonly value: string; readonly label: string }[]
  readonly pick?: DirectoryPick
  /** A text field that suggests known usernames (the directory's users). */
  readonly suggest?: 'usernames'
  /** The starting value; empty when absent. */
  readonly initial?: (context: FormContext) => string
  /** The error shown when the (trimmed) value is empty; absent means the field may be empty. */
  readonly required?: string
  readonly autoFocus?: boolean
}

/**
 * The small form behind an action that needs more than a click. `toInput` gets the trimmed
 * values of fields that passed their `required` check and answers the command's input without
 * its target (the view adds the alert).
 */
export interface CommandForm<A> {
  readonly fields: readonly FormField[]
  readonly toInput: (value: (name: string) => string, now: number) => A
}

/** Input minus the target id, which the view that opens the form supplies. */
export type FormArgs<I> = Omit<I, 'alertId' | 'incidentId'>

/** One catalogue entry. `S` is its input schema, `T` its target. */
export interface CommandDef<S extends z.ZodObject, T extends CommandTarget> {
  readonly input: S
  readonly target: T
  /** The button and outcome label: "Add note". */
  readonly label: string
  /** The past tense for descriptions: "added a note to" (alert X). */
  readonly verb: string
  readonly effectOnce: EffectOnce<EntityOf<T>, z.input<S>>
  /** The entity as the responder expects it once the command applies (the optimistic view). */
  readonly pending?: (entity: EntityOf<T>, input: z.input<S>) => EntityOf<T>
  /** Absent for one-click actions and commands other screens build. */
  readonly form?: CommandForm<FormArgs<z.input<S>>>
}

/** Declares an entry without a form, its types inferred from its schema and target. */
export function command<S extends z.ZodObject, T extends CommandTarget>(
  def: Omit<CommandDef<S, T>, 'form'>,
): CommandDef<S, T> & { readonly form?: undefined } {
  return def
}

/** Declares an entry with a form; the type keeps the form, so form names derive from it. */
export function formCommand<S extends z.ZodObject, T extends CommandTarget>(
  def: CommandDef<S, T> & { readonly form: CommandForm<FormArgs<z.input<S>>> },
): CommandDef<S, T> & { readonly form: CommandForm<FormArgs<z.input<S>>> } {
  return def
}

/** A select's value as one of its choices, or `fallback` when it is not one. */
export function oneOf<C extends string>(choices: readonly C[], value: string, fallback: C): C {
  return (choices as readonly string[]).includes(value) ? (value as C) : fallback
}
