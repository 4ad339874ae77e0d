import { describe, expect, it } from 'vitest'
import {
  ALERT_ACTIONS,
  ALERT_FORMS,
  CATALOGUE,
  COMMAND_KINDS,
  rulesOf,
} from '../../../src/shared/commands/catalogue'
import type { Alert } from '../../../src/shared/domain'
import { requests } from '../../../src/shared/ipc/contract'

const alert: Alert = {
  id: 'a1',
  tinyId: '1',
  alias: 'disk',
  message: 'Disk full',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Alert

describe('the command catalogue', () => {
  it('makes one IPC channel per command, named by its kind, that takes the workspace', () => {
    for (const kind of COMMAND_KINDS) {
      expect(Object.hasOwn(requests, kind)).toBe(true)
      const shape = (requests[kind].input as unknown as { shape: Record<string, unknown> }).shape
      expect(Object.keys(shape)).toEqual(expect.arrayContaining(['workspaceId', 'requestPriority']))
    }
  })

  it('keeps kinds and their order, alert commands first', () => {
    expect(COMMAND_KINDS.slice(0, 10).every((k) => k.startsWith('alerts:'))).toBe(true)
    expect(COMMAND_KINDS.slice(10).every((k) => k.startsWith('incidents:'))).toBe(true)
    expect(COMMAND_KINDS).toHaveLength(18)
  })

  it('names creates by alias or marker tag and notes by marker, and says why nothing is checked', () => {
    for (const kind of COMMAND_KINDS) {
      const { target, effectOnce } = rulesOf(kind)
      if (target === 'new-alert') expect(effectOnce.strategy).toBe('alias')
      if (target === 'new-incident') expect(effectOnce.strategy).toBe('marker-tag')
      if (kind.endsWith(':addNote')) expect(effectOnce.strategy).toBe('note-marker')
      if (effectOnce.strategy === 'none') expect(effectOnce.why).not.toBe('')
    }
  })

  it('offers forms only for alert actions that need more than a click', () => {
    expect(ALERT_ACTIONS.slice(0, 3)).toEqual(['acknowledge', 'unacknowledge', 'close'])
    expect(ALERT_FORMS).not.toContain('acknowledge')
    for (const name of ALERT_FORMS) {
      const entry = CATALOGUE[`alerts:${name}`]
      expect(entry.target).toBe('alert')
      expect(entry.form?.fields.length).toBeGreaterThan(0)
    }
  })

  it('applies a pending state change and recognises it as applied upstream', () => {
    const rules = rulesOf('alerts:setPriority')
    const input = { alertId: 'a1', priority: 'P1' }
    const pending = rules.pending?.(alert as never, input)
    expect(pending?.priority).toBe('P1')
    if (rules.effectOnce.strategy !== 'state') throw new Error('expected a state check')
    expect(rules.effectOnce.applied(alert as never, input)).toBe(false)
    expect(rules.effectOnce.applied(pending as never, input)).toBe(true)
  })

  it('turns each form into input its own schema accepts', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z')
    const filled: Record<string, string> = {
      note: 'looking',
      owner: 'ada',
      responderType: 'team',
      responderName: 'Platform',
      escalation: 'Platform_escalation',
      minutes: '15',
      priority: 'P2',
    }
    for (const name of ALERT_FORMS) {
      const entry = CATALOGUE[`alerts:${name}`]
      const args = entry.form?.toInput((field) => filled[field] ?? '', now)
      expect(entry.input.safeParse({ ...args, alertId: 'a1' }).success).toBe(true)
    }
  })
})
