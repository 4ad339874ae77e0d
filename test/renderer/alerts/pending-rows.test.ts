import { describe, expect, it } from 'vitest'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'
import { overlayRows, pendingAlertNotes } from '../../../src/renderer/src/alerts/pending-rows'
import { alertRow } from '../app/support/fixtures'

let seq = 0
function command(
  kind: OutboxCommand['kind'],
  input: Record<string, unknown>,
  state: OutboxCommand['state'] = 'queued',
): OutboxCommand {
  seq += 1
  return {
    seq,
    id: `cmd-${seq}`,
    workspaceId: 'ws',
    lane: `alert:id:${String(input['alertId'])}`,
    kind,
    input,
    createdAt: 0,
    state,
    nextAt: 0,
    attempts: 0,
    maybeSent: false,
    updatedAt: 0,
  } as OutboxCommand
}

describe('overlayRows', () => {
  it('applies pending commands to the rows they target and redoes the derived fields', () => {
    const rows = [alertRow(1, { priority: 'P1' }), alertRow(2, { priority: 'P2' })]
    const out = overlayRows(rows, [
      command('alerts:acknowledge', { alertId: 'alert-1' }),
      command('alerts:setPriority', { alertId: 'alert-2', priority: 'P4' }),
    ])
    expect(out[0]).toMatchObject({ id: 'alert-1', acknowledged: true, needsAck: 0 })
    expect(out[1]).toMatchObject({ id: 'alert-2', priority: 'P4', priorityRank: 4, needsAck: 1 })
  })

  it('leaves untouched rows as they are (same objects) and a list without commands as is', () => {
    const rows = [alertRow(1), alertRow(2)]
    expect(overlayRows(rows, [])).toBe(rows)
    const out = overlayRows(rows, [command('alerts:close', { alertId: 'alert-2' })])
    expect(out[0]).toBe(rows[0])
    expect(out[1]).toMatchObject({ status: 'closed', needsAck: 0 })
  })

  it('matches commands addressed by alias too', () => {
    const out = overlayRows(
      [alertRow(3)],
      [command('alerts:acknowledge', { alertId: 'alias-3', by: 'alias' })],
    )
    expect(out[0]?.acknowledged).toBe(true)
  })
})

describe('pendingAlertNotes', () => {
  it('lists the alert’s queued notes without their marker, until the note reaches the timeline', () => {
    const note = command('alerts:addNote', { alertId: 'alert-1', note: 'Restarted the pod' })
    const other = command('alerts:addNote', { alertId: 'alert-2', note: 'elsewhere' })
    const alert = { id: 'alert-1', alias: 'alias-1' }
    expect(pendingAlertNotes(alert, [note, other], [])).toEqual([
      { id: note.id, note: 'Restarted the pod', state: 'queued' },
    ])
    const arrived = [`Restarted the pod [ondeck:${note.id}]`]
    expect(pendingAlertNotes(alert, [note], arrived)).toEqual([])
  })
})
