import { priorityToSeverity, SEVERITIES, type Severity } from '../../../shared/domain'
import type { AlertRow, TeamRow } from '../db/rows'
import type { DeclareInput } from './coordination'

/** The Declare form as typed; strings until submit so half-typed input is never lost. */
export interface DeclareDraft {
  title: string
  severity: Severity
  serviceIds: string[]
  incidentType: string
  tags: string
  description: string
  teams: string[]
  users: string[]
  createOpsgenieIncident: boolean
  /** Cached alerts to attach once the incident is declared. */
  alertIds: string[]
}

export const EMPTY_DECLARE: DeclareDraft = {
  title: '',
  severity: 'High',
  serviceIds: [],
  incidentType: '',
  tags: '',
  description: '',
  teams: [],
  users: [],
  createOpsgenieIncident: true,
  alertIds: [],
}

/**
 * The Declare form started from an alert: its title, its priority as our severity (a P1 alert
 * is a Critical incident, never the form's default High), the services it names (tag, entity or
 * `service` detail), its teams as responders, and the alert itself to attach.
 */
export function draftFromAlert(
  alert: AlertRow,
  services: readonly { id: string; name: string }[],
  teams: readonly TeamRow[],
): DeclareDraft {
  const named = new Set(
    [...alert.tags, alert.entity ?? '', alert.details?.service ?? ''].map((n) => n.toLowerCase()),
  )
  const teamNames = alert.teams.flatMap((t) => {
    const team = teams.find((row) => row.id === t || row.name === t)
    return team === undefined ? [] : [team.name]
  })
  return {
    ...EMPTY_DECLARE,
    title: alert.message.slice(0, 130),
    severity: priorityToSeverity(alert.priority),
    serviceIds: services.filter((s) => named.has(s.name.toLowerCase())).map((s) => s.id),
    description: `Declared from alert #${alert.tinyId}: ${alert.message}`,
    teams: [...new Set(teamNames)],
    alertIds: [alert.id],
  }
}

/** "security, DB ,security" -> ["security", "DB"]: comma separated, trimmed, once each. */
export function parseList(text: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const part of text.split(',')) {
    const value = part.trim()
    if (value === '' || seen.has(value.toLowerCase())) continue
    seen.add(value.toLowerCase())
    out.push(value)
  }
  return out
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}

export function toDeclareInput(draft: DeclareDraft): DeclareInput {
  const type = draft.incidentType.trim()
  return {
    title: draft.title,
    severity: draft.severity,
    serviceIds: draft.serviceIds,
    ...(type !== '' ? { incidentType: type } : {}),
    tags: parseList(draft.tags),
    description: draft.description,
    responders: [
      ...draft.teams.map((name) => ({ type: 'team' as const, name })),
      ...draft.users.map((name) => ({ type: 'user' as const, name })),
    ],
    createOpsgenieIncident: draft.createOpsgenieIncident,
  }
}

/** Toggles one value in a checkbox group's selection. */
export function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value)
}
