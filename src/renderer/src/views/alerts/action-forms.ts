import { z } from 'zod'
import { assertNever } from '../../../../shared/assert-never'
import { Priority, ResponderType } from '../../../../shared/domain'
import type { AlertActionRequest } from '../../app/alert-actions'
import type { AlertFormName } from '../../stores/alert-view-store'

/** The actions that need more than a click, each with the one or two fields it asks for. */
export const FORM_ACTIONS = [
  'addNote',
  'assign',
  'addResponder',
  'escalate',
  'snooze',
  'setPriority',
] as const satisfies readonly AlertFormName[]
export type FormAction = AlertFormName

export const SNOOZE_CHOICES = [
  { label: '15 minutes', minutes: 15 },
  { label: '1 hour', minutes: 60 },
  { label: '4 hours', minutes: 240 },
  { label: '1 day', minutes: 1440 },
] as const

export interface FormValues {
  note: string
  owner: string
  responderType: z.infer<typeof ResponderType>
  responderName: string
  escalation: string
  snoozeMinutes: number
  priority: z.infer<typeof Priority>
}

export const EMPTY_FORM: FormValues = {
  note: '',
  owner: '',
  responderType: 'user',
  responderName: '',
  escalation: '',
  snoozeMinutes: 60,
  priority: 'P3',
}

/** Turns a form into the action request, or names the field that is missing. */
export function buildRequest(
  action: FormAction,
  alertId: string,
  v: FormValues,
  now: number,
): { ok: true; request: AlertActionRequest } | { ok: false; error: string } {
  const need = (value: string, what: string): string | undefined =>
    value.trim() === '' ? `${what} is required` : undefined
  switch (action) {
    case 'addNote': {
      const error = need(v.note, 'A note')
      return error
        ? { ok: false, error }
        : { ok: true, request: { action, alertId, args: { note: v.note.trim() } } }
    }
    case 'assign': {
      const error = need(v.owner, 'An owner username')
      return error
        ? { ok: false, error }
        : { ok: true, request: { action, alertId, args: { owner: { username: v.owner.trim() } } } }
    }
    case 'addResponder': {
      const error = need(v.responderName, 'A responder name')
      return error
        ? { ok: false, error }
        : {
            ok: true,
            request: {
              action,
              alertId,
              args: { responder: { type: v.responderType, name: v.responderName.trim() } },
            },
          }
    }
    case 'escalate': {
      const error = need(v.escalation, 'An escalation name')
      return error
        ? { ok: false, error }
        : {
            ok: true,
            request: { action, alertId, args: { escalation: { name: v.escalation.trim() } } },
          }
    }
    case 'snooze':
      return {
        ok: true,
        request: {
          action,
          alertId,
          args: { endTime: new Date(now + v.snoozeMinutes * 60_000).toISOString() },
        },
      }
    case 'setPriority':
      return { ok: true, request: { action, alertId, args: { priority: v.priority } } }
    default:
      return assertNever(action, 'alert action form')
  }
}
