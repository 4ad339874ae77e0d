import { z } from 'zod'

/** Our severity words; Opsgenie speaks in priorities (P1..P5). */
export const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational'] as const
export const Severity = z.enum(SEVERITIES)
export type Severity = z.infer<typeof Severity>

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const
export const Priority = z.enum(PRIORITIES)
export type Priority = z.infer<typeof Priority>

const SEVERITY_TO_PRIORITY: Readonly<Record<Severity, Priority>> = {
  Critical: 'P1',
  High: 'P2',
  Medium: 'P3',
  Low: 'P4',
  Informational: 'P5',
}

const PRIORITY_TO_SEVERITY: Readonly<Record<Priority, Severity>> = {
  P1: 'Critical',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
  P5: 'Informational',
}

export function severityToPriority(severity: Severity): Priority {
  return SEVERITY_TO_PRIORITY[severity]
}

export function priorityToSeverity(priority: Priority): Severity {
  return PRIORITY_TO_SEVERITY[priority]
}

/** Opsgenie's default when an alert is created without a priority. */
export const DEFAULT_PRIORITY: Priority = 'P3'

/** Webhook payloads carry priority as a number (1..5) or a string ("P1"); read both. */
export function parsePriority(value: unknown): Priority | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
    return `P${value}` as Priority
  }
  const parsed = Priority.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
