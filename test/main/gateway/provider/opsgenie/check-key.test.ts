import { describe, expect, it } from 'vitest'
import { inferKind, type Probe } from '../../../../../src/main/gateway/provider/opsgenie/check-key'

const ok: Probe = { ok: true }
const refused: Probe = {
  ok: false,
  failure: { kind: 'wrong-key', status: 403, operation: 'x', message: 'no' },
}
const down: Probe = { ok: false, failure: { kind: 'network', operation: 'x', message: 'down' } }

describe('inferKind', () => {
  it('a key refused the account endpoint is a team key', () => {
    expect(inferKind({ account: refused, alertWrites: ok })).toBe('team')
  })

  it('a key that reads the account but may not write alerts is account-level', () => {
    expect(inferKind({ account: ok, alertWrites: refused })).toBe('account-level')
  })

  it('a key that reads the account and writes alerts is global', () => {
    expect(inferKind({ account: ok, alertWrites: ok })).toBe('global')
  })

  it('cannot tell without the write probe or when probes failed for other reasons', () => {
    expect(inferKind({ account: ok })).toBe('unknown')
    expect(inferKind({ account: ok, alertWrites: down })).toBe('unknown')
    expect(inferKind({ account: down, alertWrites: ok })).toBe('unknown')
  })
})
