import type { AlertRecord, IncidentRecord } from '../../../src/simulator/index'

/**
 * What the simulator must look like after each lane's commands were applied once, in order,
 * with the simulator's own rules (an ignored acknowledge is no transition; an incident cannot
 * be resolved unless open).
 */
export type AlertOp = 'ack' | 'unack' | 'close' | 'note'
export type IncidentOp = 'resolve' | 'close' | 'reopen' | 'note'

export interface AlertModel {
  status: 'open' | 'closed'
  acknowledged: boolean
  transitions: { ack: number; unack: number; close: number }
}

export function modelAlert(ops: readonly AlertOp[]): AlertModel {
  const m: AlertModel = {
    status: 'open',
    acknowledged: false,
    transitions: { ack: 0, unack: 0, close: 0 },
  }
  for (const op of ops) {
    if (op === 'ack' && !m.acknowledged && m.status === 'open') {
      m.acknowledged = true
      m.transitions.ack++
    } else if (op === 'unack' && m.acknowledged) {
      m.acknowledged = false
      m.transitions.unack++
    } else if (op === 'close' && m.status === 'open') {
      m.status = 'closed'
      m.transitions.close++
    }
  }
  return m
}

export function modelIncident(ops: readonly IncidentOp[]): IncidentRecord['status'] {
  let status: IncidentRecord['status'] = 'open'
  for (const op of ops) {
    if (op === 'resolve' && status === 'open') status = 'resolved'
    else if (op === 'close' && status !== 'closed') status = 'closed'
    else if (op === 'reopen' && status !== 'open') status = 'open'
  }
  return status
}

export function transitionsOf(alert: AlertRecord): AlertModel['transitions'] {
  const count = (prefix: string): number =>
    alert.logs.filter((l) => l.log.startsWith(prefix)).length
  return {
    ack: count('Alert acknowledged by'),
    unack: count('Alert unacknowledged by'),
    close: count('Alert closed by'),
  }
}

/** How many notes carry each marker; every value must be 1. */
export function markerCounts(notes: readonly { note: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { note } of notes) {
    const marker = /\[ondeck:([^\]]+)\]$/.exec(note)?.[1]
    if (marker !== undefined) counts.set(marker, (counts.get(marker) ?? 0) + 1)
  }
  return counts
}
