import { z } from 'zod'
import { Priority, PRIORITIES, RESPONDER_TYPES, ResponderRef } from '../domain'
import { AlertTarget, CreateAlertInput, Id, Note } from '../provider/actions'
import { command, formCommand, oneOf } from './define'

const choices = (values: readonly string[]): { value: string; label: string }[] =>
  values.map((value) => ({ value, label: value }))

const SNOOZE_CHOICES = [
  { label: '15 minutes', value: '15' },
  { label: '1 hour', value: '60' },
  { label: '4 hours', value: '240' },
  { label: '1 day', value: '1440' },
] as const

/**
 * Every responder action on an alert, declared once: the IPC channel, the gateway's forwarding,
 * the outbox (lane, send, reconciliation, overlay, description) and the detail's buttons and
 * forms are derived from these entries (`catalogue.ts`).
 */
export const ALERT_COMMANDS = {
  'alerts:acknowledge': command({
    input: AlertTarget,
    target: 'alert',
    label: 'Acknowledge',
    verb: 'acknowledged',
    effectOnce: { strategy: 'state', applied: (a) => a.acknowledged || a.status === 'closed' },
    pending: (a) => (a.status === 'open' ? { ...a, acknowledged: true } : a),
  }),
  'alerts:unacknowledge': command({
    input: AlertTarget,
    target: 'alert',
    label: 'Unacknowledge',
    verb: 'unacknowledged',
    effectOnce: { strategy: 'state', applied: (a) => !a.acknowledged },
    pending: (a) => ({ ...a, acknowledged: false }),
  }),
  'alerts:close': command({
    input: AlertTarget,
    target: 'alert',
    label: 'Close',
    verb: 'closed',
    effectOnce: { strategy: 'state', applied: (a) => a.status === 'closed' },
    pending: (a) => ({ ...a, status: 'closed', snoozed: false }),
  }),
  'alerts:addNote': formCommand({
    input: AlertTarget.extend({ note: Note }),
    target: 'alert',
    label: 'Add note',
    verb: 'added a note to',
    effectOnce: { strategy: 'note-marker' },
    form: {
      fields: [
        {
          name: 'note',
          label: 'Note',
          control: 'textarea',
          required: 'A note is required',
          autoFocus: true,
        },
      ],
      toInput: (v) => ({ note: v('note') }),
    },
  }),
  'alerts:assign': formCommand({
    input: AlertTarget.extend({ owner: z.object({ id: Id.optional(), username: Id.optional() }) }),
    target: 'alert',
    label: 'Assign',
    verb: 'assigned',
    effectOnce: {
      strategy: 'state',
      applied: (a, i) => a.owner !== undefined && a.owner === (i.owner.username ?? i.owner.id),
    },
    pending: (a, i) => {
      const name = i.owner.username ?? i.owner.id
      return name !== undefined ? { ...a, owner: name } : a
    },
    form: {
      fields: [
        {
          name: 'owner',
          label: 'Owner username',
          control: 'text',
          suggest: 'usernames',
          required: 'An owner username is required',
          autoFocus: true,
        },
      ],
      toInput: (v) => ({ owner: { username: v('owner') } }),
    },
  }),
  'alerts:addResponder': formCommand({
    input: AlertTarget.extend({ responder: ResponderRef }),
    target: 'alert',
    label: 'Add responder',
    verb: 'added a responder to',
    effectOnce: { strategy: 'none', why: 'adding a responder again is a no-op upstream' },
    form: {
      fields: [
        {
          name: 'responderType',
          label: 'Responder type',
          control: 'select',
          // "Team", not "team": the words a responder reads elsewhere in the app
          options: RESPONDER_TYPES.map((value) => ({
            value,
            label: value.charAt(0).toUpperCase() + value.slice(1),
          })),
          initial: () => 'user',
        },
        {
          name: 'responderName',
          label: 'Responder',
          control: 'pick',
          pick: { from: 'responders', typeField: 'responderType' },
          required: 'Choose a responder',
          autoFocus: true,
        },
      ],
      toInput: (v) => ({
        responder: {
          type: oneOf(RESPONDER_TYPES, v('responderType'), 'user'),
          name: v('responderName'),
        },
      }),
    },
  }),
  'alerts:escalate': formCommand({
    input: AlertTarget.extend({
      escalation: z.object({ id: Id.optional(), name: Id.optional() }),
    }),
    target: 'alert',
    label: 'Escalate',
    verb: 'escalated',
    effectOnce: {
      strategy: 'none',
      why: 'nothing shows an escalation: a resend may escalate twice',
    },
    form: {
      fields: [
        {
          name: 'escalation',
          label: 'Escalation',
          control: 'pick',
          pick: { from: 'escalations' },
          required: 'Choose an escalation',
          autoFocus: true,
        },
      ],
      toInput: (v) => ({ escalation: { name: v('escalation') } }),
    },
  }),
  'alerts:snooze': formCommand({
    input: AlertTarget.extend({ endTime: z.string().datetime({ offset: true }) }),
    target: 'alert',
    label: 'Snooze',
    verb: 'snoozed',
    effectOnce: {
      strategy: 'state',
      applied: (a, i) =>
        a.snoozedUntil !== undefined && Date.parse(a.snoozedUntil) === Date.parse(i.endTime),
    },
    pending: (a, i) => ({ ...a, snoozed: true, snoozedUntil: i.endTime }),
    form: {
      fields: [
        {
          name: 'minutes',
          label: 'Snooze for',
          control: 'select',
          options: SNOOZE_CHOICES,
          initial: () => '60',
          autoFocus: true,
        },
      ],
      toInput: (v, now) => ({
        endTime: new Date(now + (Number(v('minutes')) || 60) * 60_000).toISOString(),
      }),
    },
  }),
  'alerts:setPriority': formCommand({
    input: AlertTarget.extend({ priority: Priority }),
    target: 'alert',
    label: 'Change priority',
    verb: 'changed the priority of',
    effectOnce: { strategy: 'state', applied: (a, i) => a.priority === i.priority },
    pending: (a, i) => ({ ...a, priority: i.priority }),
    form: {
      fields: [
        {
          name: 'priority',
          label: 'New priority',
          control: 'select',
          options: choices(PRIORITIES),
          initial: (context) => context.priority,
          autoFocus: true,
        },
      ],
      toInput: (v) => ({ priority: oneOf(PRIORITIES, v('priority'), 'P3') }),
    },
  }),
  'alerts:create': command({
    input: CreateAlertInput,
    target: 'new-alert',
    label: 'Page',
    verb: 'paged',
    effectOnce: { strategy: 'alias' },
  }),
} as const
