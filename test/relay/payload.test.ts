import { describe, expect, it } from 'vitest'
import { checkWebhookBody, type PayloadCheck } from '../../src/relay/payload.js'
import { readZulipFixture, zulipFixtureFiles } from '../fixtures/opsgenie/paths'

/** The fixtures are from 2015-2017: any clock of today is well past their updatedAt. */
const checkAt = (raw: string): PayloadCheck => checkWebhookBody(raw, Date.now())

describe('checkWebhookBody', () => {
  it('accepts every real fixture, keyed by alert id, action and the exact updatedAt', () => {
    const files = zulipFixtureFiles()
    expect(files).toHaveLength(14)
    for (const file of files) {
      const result = checkAt(readZulipFixture(file))
      expect(result.ok, file).toBe(true)
    }
    const close = checkAt(readZulipFixture('close'))
    expect(close).toMatchObject({
      ok: true,
      value: { action: 'Close', dedupKey: expect.stringMatching(/\|Close\|1420452374669001603$/) },
    })
  })

  it('keys Escalate on its escalation fields and a string updatedAt on its text', () => {
    const escalate = checkAt(readZulipFixture('escalate'))
    expect(escalate).toMatchObject({
      ok: true,
      value: {
        dedupKey:
          '7ba97e3a-d328-4b5e-8f9a-39e945a3869a|Escalate|escalation:51859f57-7fad-467b-ad79-59acbc69cb6a:0:0',
      },
    })
    const relayed = checkAt(
      '{"action":"Acknowledge","alert":{"alertId":"a","updatedAt":"1593475564636000001"}}',
    )
    expect(relayed).toMatchObject({
      ok: true,
      value: { dedupKey: 'a|Acknowledge|1593475564636000001' },
    })
  })

  it('falls back to a body digest, so only identical bodies without a timestamp are repeats', () => {
    const a = checkAt('{"action":"UpdateMessage","alert":{"alertId":"a","message":"one"}}')
    const b = checkAt('{"action":"UpdateMessage","alert":{"alertId":"a","message":"two"}}')
    expect(a.ok && b.ok && a.value.dedupKey !== b.value.dedupKey).toBe(true)
  })

  it('refuses JSON nested deeper than 64 levels before the dedup-key scanner recurses into it', () => {
    const nest = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels)
    const body = (inner: string): string =>
      `{"action":"Create","alert":{"alertId":"a"},"x":${inner}}`
    expect(checkAt(body(nest(100_000)))).toMatchObject({
      ok: false,
      status: 422,
      reason: expect.stringMatching(/nested deeper than 64 levels/),
    })
    expect(checkAt(body(nest(63))).ok).toBe(true)
    // Brackets inside strings are text, not nesting.
    expect(checkAt(body(`"${'['.repeat(100)}\\"${'{'.repeat(100)}"`)).ok).toBe(true)
  })

  it('says why a body is refused', () => {
    expect(checkAt('nope')).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringMatching(/^body is not JSON/),
    })
    expect(checkAt('null')).toMatchObject({ ok: false, status: 422 })
    expect(checkAt('{"action":"","alert":{"alertId":"a"}}')).toMatchObject({
      ok: false,
      status: 422,
      reason: 'not an Opsgenie webhook payload: action: must be a non-empty string',
    })
  })
})
