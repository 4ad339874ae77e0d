import { z } from 'zod'
import { Priority } from '../domain'
import {
  CreateIncidentInput,
  IncidentResponderRef,
  IncidentTarget,
  Note,
} from '../provider/actions'
import { command } from './define'

/**
 * Every action on an Opsgenie incident (the coordination screens queue them), declared once like
 * the alert commands. None has a form: coordination builds their input itself.
 */
export const INCIDENT_COMMANDS = {
  'incidents:create': command({
    input: CreateIncidentInput,
    target: 'new-incident',
    label: 'Open incident',
    verb: 'opened',
    effectOnce: { strategy: 'marker-tag' },
  }),
  'incidents:resolve': command({
    input: IncidentTarget,
    target: 'incident',
    label: 'Resolve',
    verb: 'resolved',
    effectOnce: { strategy: 'state', applied: (i) => i.status === 'resolved' },
    pending: (i) => ({ ...i, status: 'resolved' }),
  }),
  'incidents:close': command({
    input: IncidentTarget,
    target: 'incident',
    label: 'Close',
    verb: 'closed',
    effectOnce: { strategy: 'state', applied: (i) => i.status === 'closed' },
    pending: (i) => ({ ...i, status: 'closed' }),
  }),
  'incidents:reopen': command({
    input: IncidentTarget,
    target: 'incident',
    label: 'Reopen',
    verb: 'reopened',
    effectOnce: { strategy: 'state', applied: (i) => i.status === 'open' },
    pending: (i) => ({ ...i, status: 'open' }),
  }),
  'incidents:addNote': command({
    input: IncidentTarget.extend({ note: Note }),
    target: 'incident',
    label: 'Add note',
    verb: 'added a note to',
    effectOnce: { strategy: 'note-marker' },
  }),
  'incidents:addResponders': command({
    input: IncidentTarget.extend({
      responders: z.array(IncidentResponderRef).min(1).max(50),
    }),
    target: 'incident',
    label: 'Add responders',
    verb: 'added responders to',
    effectOnce: { strategy: 'none', why: 'adding responders again is a no-op upstream' },
  }),
  /** Severity changes of a coordinated incident move its Opsgenie priority. */
  'incidents:setPriority': command({
    input: IncidentTarget.extend({ priority: Priority }),
    target: 'incident',
    label: 'Change priority',
    verb: 'changed the priority of',
    effectOnce: { strategy: 'state', applied: (i, input) => i.priority === input.priority },
  }),
  'incidents:updateDescription': command({
    input: IncidentTarget.extend({ description: z.string().max(10_000) }),
    target: 'incident',
    label: 'Update description',
    verb: 'updated the description of',
    effectOnce: {
      strategy: 'state',
      applied: (i, input) => (i.description ?? '') === input.description,
    },
  }),
} as const
