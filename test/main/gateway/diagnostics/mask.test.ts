import { describe, expect, it } from 'vitest'
import { maskSecretShapes, scrubText } from '../../../../src/main/gateway/diagnostics/mask'
import { createLogger, type LogLevel } from '../../../../src/main/gateway/diagnostics/logger'

const HEX64 = 'a'.repeat(32) + '0123456789abcdef'.repeat(2)
const ODR = 'odr_Zm9vYmFyYmF6cXV4cXV1eF9hYmNkZWZnaGlqa2xtbm9w'

describe('maskSecretShapes', () => {
  it.each([
    ['Authorization: GenieKey 0f9e8d7c-6b5a', 'Authorization: GenieKey [redacted]'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'Authorization: Bearer [redacted]'],
    ['authorization: basic dXNlcjpwYXNzd29yZA==', 'authorization: basic [redacted]'],
    [`token ${ODR} refused`, 'token [redacted] refused'],
    [`session ${HEX64}`, 'session [redacted]'],
    ['GET https://ops:hunter22@relay.example/', 'GET https://ops:[redacted]@relay.example/'],
    ['GET /events?apiKey=0f9e8d7c-6b5a&x=1', 'GET /events?apiKey=[redacted]&x=1'],
    ['{"token": "sekrit-value"}', '{"token": "[redacted]"}'],
  ])('masks %s', (input, expected) => {
    expect(maskSecretShapes(input)).toBe(expected)
  })

  it.each([
    'Basic authentication is not supported',
    'relay token: missing',
    'alert 0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f acknowledged',
    `commit ${'a'.repeat(40)}`,
  ])('leaves ordinary text alone: %s', (input) => {
    expect(maskSecretShapes(input)).toBe(input)
  })

  it('scrubs known values (and their URL encoding) before shapes', () => {
    const key = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f'
    const token = 'tok+en/x='
    const text = `key ${key} url ?t=${encodeURIComponent(token)} raw ${token}`
    expect(scrubText(text, [key, token])).toBe('key [redacted] url ?t=[redacted] raw [redacted]')
  })
})

describe('createLogger', () => {
  const capture = () => {
    const lines: { level: LogLevel; line: string }[] = []
    return {
      lines,
      sink: { write: (level: LogLevel, line: string) => lines.push({ level, line }) },
    }
  }

  it('writes a message and plain fields on one line, scrubbed', () => {
    const { lines, sink } = capture()
    const key = '11111111-2222-4333-8444-555555555555'
    const log = createLogger({ sink, scope: 'gateway', secrets: () => [key] })
    log.warn('connect failed', {
      workspace: 'acme',
      status: 401,
      error: new Error(`401 for ${key}\nforged line`),
    })
    expect(lines).toEqual([
      {
        level: 'warn',
        line: '[gateway] connect failed workspace="acme" status=401 error=Error: 401 for [redacted]\\nforged line',
      },
    ])
  })

  it('cuts a runaway line after scrubbing, so no piece of a secret survives the cut', () => {
    const { lines, sink } = capture()
    const secret = 'S'.repeat(20)
    const log = createLogger({ sink, secrets: () => [secret] })
    log.info(`${'x'.repeat(7_990)}${secret}${'y'.repeat(100)}`)
    expect(lines[0]?.line).not.toContain('SSSS')
    expect(lines[0]?.line.endsWith('…[cut]')).toBe(true)
  })

  it('never throws when the sink fails', () => {
    const log = createLogger({
      sink: {
        write: () => {
          throw new Error('ENOSPC')
        },
      },
    })
    expect(() => log.error('still here')).not.toThrow()
  })
})
