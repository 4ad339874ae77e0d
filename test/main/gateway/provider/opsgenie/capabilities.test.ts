import { describe, expect, it } from 'vitest'
import type { KeyReport, OpsgenieFailure } from '../../../../../src/main/gateway/provider/opsgenie'
import { capabilitiesOf } from '../../../../../src/main/gateway/provider/opsgenie/capabilities'

const failed = (failure: OpsgenieFailure) => ({ ok: false as const, failure })
const base = { operation: 'POST /v2/alerts/x/acknowledge', message: 'm' }

function report(
  alertWrites: KeyReport['apis']['alertWrites'],
  kind: KeyReport['kind'] = 'global',
): KeyReport {
  return { valid: true, kind, apis: { account: { ok: true }, alertWrites } }
}

describe('capabilitiesOf', () => {
  it('is writable when the write probe succeeded', () => {
    expect(capabilitiesOf(report({ ok: true }))).toMatchObject({ canWrite: true })
  })

  it('is read-only, with the reason, when Opsgenie refused the write', () => {
    const caps = capabilitiesOf(
      report(
        failed({ ...base, kind: 'wrong-key', status: 403, message: 'use an API integration key' }),
        'unknown',
      ),
    )
    expect(caps.canWrite).toBe(false)
    expect(caps.readOnlyReason).toContain('use an API integration key')
  })

  it('is read-only for an API Key Management key', () => {
    const caps = capabilitiesOf(
      report(failed({ ...base, kind: 'wrong-key', status: 403 }), 'account-level'),
    )
    expect(caps).toMatchObject({ keyKind: 'account', canWrite: false })
    expect(caps.readOnlyReason).toMatch(/global API integration/)
  })

  it('stays writable when the probe was lost to the network, a timeout or a 5xx', () => {
    for (const failure of [
      { ...base, kind: 'network' as const, code: 'ECONNRESET' },
      { ...base, kind: 'timeout' as const, timeoutMs: 5 },
      { ...base, kind: 'server' as const, status: 503 },
    ]) {
      expect(capabilitiesOf(report(failed(failure), 'unknown'))).toMatchObject({ canWrite: true })
    }
  })
})
