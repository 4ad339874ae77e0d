import { Alert } from '../../../src/shared/domain'

let next = 1

/** A valid open, unacknowledged alert; parsed so a fixture can never drift from the domain schema. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  const id = overrides.id ?? `alert-${next++}`
  return Alert.parse({
    id,
    tinyId: String(next),
    alias: id,
    message: `disk full on ${id}`,
    status: 'open',
    acknowledged: false,
    snoozed: false,
    priority: 'P3',
    tags: [],
    teams: [],
    responders: [],
    count: 1,
    createdAt: '2026-11-27T02:00:00.000Z',
    updatedAt: '2026-11-27T02:00:00.000Z',
    ...overrides,
  })
}
