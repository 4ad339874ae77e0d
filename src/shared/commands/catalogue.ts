import type { z } from 'zod'
import type { Alert, Incident } from '../domain'
import type {
  AlertTarget,
  CreateAlertInput,
  CreateIncidentInput,
  IncidentTarget,
} from '../provider/actions'
import { ALERT_COMMANDS } from './alert-commands'
import type { CommandForm, CommandTarget, EffectOnce, FormArgs } from './define'
import { INCIDENT_COMMANDS } from './incident-commands'

export type {
  CommandForm,
  CommandTarget,
  DirectoryPick,
  EffectOnce,
  EffectStrategy,
  FormContext,
  FormField,
} from './define'

/**
 * The one command catalogue: each responder action (acknowledge, add a note, page, the incident
 * actions, ...) is declared once with its input schema, target, effect-once strategy, label and
 * form. The IPC contract's action channels, the gateway's forwarding, the outbox's kinds and its
 * send, reconciliation, overlay and descriptions, and the alert detail's forms all derive from it.
 * A command's kind is its IPC channel's name.
 */
export const CATALOGUE = { ...ALERT_COMMANDS, ...INCIDENT_COMMANDS } as const
export type Catalogue = typeof CATALOGUE
export type CommandKind = keyof Catalogue

/** Every kind, alert commands first, in declaration order. */
export const COMMAND_KINDS = Object.keys(CATALOGUE) as readonly CommandKind[]

/** A command's input as callers hand it over (before zod's defaults), without the workspace. */
export type CommandInput<K extends CommandKind> = z.input<Catalogue[K]['input']>
/** A command's input as a handler gets it, parsed. */
export type ParsedCommandInput<K extends CommandKind> = z.output<Catalogue[K]['input']>

/** A kind and its input, checked against each other. */
export type CommandSpec = { [K in CommandKind]: { kind: K; input: CommandInput<K> } }[CommandKind]

/** The common fields every input of a target carries. */
export interface TargetInput {
  alert: z.input<typeof AlertTarget>
  incident: z.input<typeof IncidentTarget>
  'new-alert': CreateAlertInput
  'new-incident': CreateIncidentInput
}
export type Addressed = {
  [T in CommandTarget]: { target: T; input: TargetInput[T] }
}[CommandTarget]

export function isCommandKind(name: string): name is CommandKind {
  return Object.hasOwn(CATALOGUE, name)
}

/**
 * A command seen through its target: every kind's input extends its target's common input (the
 * entries are built that way), so code that only needs the target switches on `target`.
 */
export function addressed(spec: { kind: CommandKind; input: unknown }): Addressed {
  return { target: CATALOGUE[spec.kind].target, input: spec.input } as Addressed
}

/**
 * An entry with its kind forgotten: what generic code (overlay, reconciliation, descriptions)
 * calls. Sound because a stored command's input always matches its kind (OutboxCommand is a union
 * over kinds); TypeScript cannot follow that through a lookup by a union key, hence the cast.
 */
export interface CommandRules {
  readonly target: CommandTarget
  readonly label: string
  readonly verb: string
  readonly effectOnce: EffectOnce<Alert & Incident, unknown>
  readonly pending?: (entity: Alert & Incident, input: unknown) => Alert & Incident
}
export function rulesOf(kind: CommandKind): CommandRules {
  return CATALOGUE[kind] as unknown as CommandRules
}

/** Kinds that act on an existing alert: the detail's buttons, the keyboard, the palette. */
export type AlertCommandKind = {
  [K in CommandKind]: Catalogue[K]['target'] extends 'alert' ? K : never
}[CommandKind]
/** `close` for `alerts:close`: what an alert action is called in the renderer. */
export type AlertActionName = AlertCommandKind extends `alerts:${infer V}` ? V : never

/** The alert actions that open a form (more than a click), in catalogue order. */
export type AlertFormName = {
  [K in AlertCommandKind]: Catalogue[K]['form'] extends undefined
    ? never
    : K extends `alerts:${infer V}`
      ? V
      : never
}[AlertCommandKind]

export const ALERT_ACTIONS = COMMAND_KINDS.filter((k) => CATALOGUE[k].target === 'alert').map((k) =>
  k.slice('alerts:'.length),
) as readonly AlertActionName[]

export const ALERT_FORMS = ALERT_ACTIONS.filter(
  (name) => CATALOGUE[`alerts:${name}`].form !== undefined,
) as readonly AlertFormName[]

/** The label of an alert action: "Add note". */
export function alertActionLabel(name: AlertActionName): string {
  return CATALOGUE[`alerts:${name}`].label
}

/** The form of an alert action, typed loosely for the generic form view. */
export function alertForm(name: AlertFormName): CommandForm<FormArgs<Record<string, unknown>>> {
  return CATALOGUE[`alerts:${name}`].form as unknown as CommandForm<
    FormArgs<Record<string, unknown>>
  >
}
