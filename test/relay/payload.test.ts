import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkWebhookBody } from '../../src/relay/payload.js'

const FIXTURES = join(import.meta.dirname, '../../../shared/opsgenie/webhook-fixtures/zulip')

describe('checkWebhookBody', () => {
  it('accepts every real fixture, keyed by alert id, action and the exact updatedAt', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))
    expect(files).toHaveLength(14)
    for (const file of files) {
      const result = checkWebhookBody(readFileSync(join(FIXTURES, file), 'utf8'))
      expect(result.ok, file).toBe(true)
    }
    const close = checkWebhookBody(readFileSync(join(FIXTURES, 'close.json'), 'utf8'))
    expect(close).toMatchObject({
      ok: true,
      value: { action: 'Close', dedupKey: expect.stringMatching(/\|Close\|1420452374669001603$/) },
    })
  })

  it('keys Escalate on its escalation fields and a string updatedAt on its text', () => {
    const escalate = checkWebhookBody(readFileSync(join(FIXTURES, 'escalate.json'), 'utf8'))
    expect(escalate).toMatchObject({
      ok: true,
      value: {
        dedupKey:
          '7ba97e3a-d328-4b5e-8f9a-39e945a3869a|Escalate|escalation:51859f57-7fad-467b-ad79-59acbc69cb6a:0:0',
      },
    })
    const relayed = checkWebhookBody(
      '{"action":"Acknowledge","alert":{"alertId":"a","updatedAt":"1593475564636000001"}}',
    )
    expect(relayed).toMatchObject({
      ok: true,
      value: { dedupKey: 'a|Acknowledge|1593475564636000001' },
    })
  })

  it('falls back to a body digest, so only identical bodies without a timestamp are repeats', () => {
    const a = checkWebhookBody('{"action":"UpdateMessage","alert":{"alertId":"a","message":"one"}}')
    const b = checkWebhookBody('{"action":"UpdateMessage","alert":{"alertId":"a","message":"two"}}')
    expect(a.ok && b.ok && a.value.dedupKey !== b.value.dedupKey).toBe(true)
  })

  it('says why a body is refused', () => {
    expect(checkWebhookBody('nope')).toMatchObject({
      ok: false,
      status: 400,
      reason: expect.stringMatching(/^body is not JSON/),
    })
    expect(checkWebhookBody('null')).toMatchObject({ ok: false, status: 422 })
    expect(checkWebhookBody('{"action":"","alert":{"alertId":"a"}}')).toMatchObject({
      ok: false,
      status: 422,
      reason: 'not an Opsgenie webhook payload: action: must be a non-empty string',
    })
  })
})
