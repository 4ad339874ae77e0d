import { describe, expect, it } from 'vitest'
import { redact, redactError, Secret } from '../../../../src/main/gateway/secrets/index'

const KEY = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f'
const TOKEN = 'relay+tok/en=='

describe('redact', () => {
  it('replaces every occurrence of every known secret', () => {
    const text = `key ${KEY} again ${KEY}; token ${TOKEN}`
    expect(redact(text, [KEY, new Secret(TOKEN)])).toBe(
      'key [redacted] again [redacted]; token [redacted]',
    )
  })

  it('replaces URL-encoded occurrences too', () => {
    expect(redact(`GET /events?token=${encodeURIComponent(TOKEN)}`, [TOKEN])).toBe(
      'GET /events?token=[redacted]',
    )
  })

  it('replaces a longer secret whole when it contains a shorter one', () => {
    expect(redact('abcdef-long', ['abc', 'abcdef-long'])).toBe('[redacted]')
  })

  it('scrubs GenieKey credentials even for keys it was not told about', () => {
    const samples: Array<[string, string]> = [
      ['Authorization: GenieKey 1234-unknown-key', 'Authorization: GenieKey [redacted]'],
      ['{"authorization":"GenieKey abc123"}', '{"authorization":"GenieKey [redacted]"}'],
      [
        "curl -H 'Authorization: genieKey xyz' https://api.opsgenie.com",
        "curl -H 'Authorization: genieKey [redacted]' https://api.opsgenie.com",
      ],
      [
        'headers: { authorization: GenieKey\tk3y, accept: json }',
        'headers: { authorization: GenieKey\t[redacted], accept: json }',
      ],
      ['?auth=GenieKey%20abc', '?auth=GenieKey%20[redacted]'],
    ]
    for (const [input, expected] of samples) expect(redact(input)).toBe(expected)
  })

  it('is idempotent and leaves text without secrets alone', () => {
    const once = redact(`Authorization: GenieKey ${KEY}`, [KEY])
    expect(once).toBe('Authorization: GenieKey [redacted]')
    expect(redact(once, [KEY])).toBe(once)
    expect(redact('nothing to see: a GenieKey header goes here', [KEY])).toBe(
      'nothing to see: a GenieKey [redacted] goes here',
    )
    expect(redact('no secrets in this line', [KEY])).toBe('no secrets in this line')
  })

  it('ignores empty or missing secrets instead of mangling the text', () => {
    expect(redact('plain text', ['', null, undefined])).toBe('plain text')
  })
})

describe('redactError', () => {
  it('scrubs the message and the stack', () => {
    const error = new Error(`Request failed: Authorization GenieKey ${KEY} rejected token ${TOKEN}`)
    const out = redactError(error, [TOKEN])
    expect(out).toContain('Request failed')
    expect(out).toContain('at ')
    expect(out).not.toContain(KEY)
    expect(out).not.toContain(TOKEN)
  })

  it('handles non-Error values', () => {
    expect(redactError(`oops ${KEY}`, [KEY])).toBe('oops [redacted]')
  })
})
