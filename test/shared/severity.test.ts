import { describe, expect, it } from 'vitest'
import {
  PRIORITIES,
  SEVERITIES,
  parsePriority,
  priorityToSeverity,
  severityToPriority,
} from '../../src/shared/domain/severity'

describe('severity and priority', () => {
  it('maps Critical P1, High P2, Medium P3, Low P4, Informational P5', () => {
    expect(SEVERITIES.map(severityToPriority)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5'])
  })

  it('inverts for display', () => {
    for (const p of PRIORITIES) expect(severityToPriority(priorityToSeverity(p))).toBe(p)
  })

  it('reads webhook priorities given as numbers or strings and refuses others', () => {
    expect(parsePriority(3)).toBe('P3')
    expect(parsePriority('P1')).toBe('P1')
    expect(parsePriority(0)).toBeUndefined()
    expect(parsePriority('p1')).toBeUndefined()
    expect(parsePriority(2.5)).toBeUndefined()
  })
})
