import { describe, expect, it } from 'vitest'
import { parseLossless } from '../../../src/shared/opsgenie/lossless-json'

describe('parseLossless', () => {
  it('keeps integers beyond 2^53 exact as text and leaves everything else alone', () => {
    const text =
      '{"a":1420452224764002246,"n":-12345678901234567,"s":"1420452224764002246 x","f":1.2345678901234567e3,"small":42,"q":"\\"9999999999999999999"}'
    expect(parseLossless(text)).toEqual({
      a: '1420452224764002246',
      n: '-12345678901234567',
      s: '1420452224764002246 x',
      f: 1234.5678901234567,
      small: 42,
      q: '"9999999999999999999',
    })
  })

  it('still rejects malformed JSON', () => {
    expect(() => parseLossless('{"a":')).toThrow(SyntaxError)
  })
})
