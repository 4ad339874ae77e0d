import { describe, expect, it } from 'vitest'
import { rawMemberText } from '../../src/relay/raw-json.js'

describe('rawMemberText', () => {
  it('returns a nanosecond number exactly as written, where JSON.parse would round it', () => {
    const json = '{"alert":{"updatedAt":1420452275002000962}}'
    expect(rawMemberText(json, ['alert', 'updatedAt'])).toBe('1420452275002000962')
    expect(String((JSON.parse(json) as { alert: { updatedAt: number } }).alert.updatedAt)).not.toBe(
      '1420452275002000962',
    )
  })

  it('skips strings with escapes, nested values and whitespace to reach the member', () => {
    const json = ` { "a" : "x\\"}{[" , "b":[1,{"updatedAt":1},[]], "alert" : { "n":{"updatedAt":2}, "updatedAt" : 1502709956288000110 } } `
    expect(rawMemberText(json, ['alert', 'updatedAt'])).toBe('1502709956288000110')
    expect(rawMemberText(json, ['b'])).toBe('[1,{"updatedAt":1},[]]')
  })

  it('is undefined for a missing path or a non-object step, and the last duplicate wins like JSON.parse', () => {
    expect(rawMemberText('{"alert":{}}', ['alert', 'updatedAt'])).toBeUndefined()
    expect(rawMemberText('{"alert":[1]}', ['alert', 'updatedAt'])).toBeUndefined()
    expect(rawMemberText('{"alert":"x"}', ['alert', 'updatedAt'])).toBeUndefined()
    expect(rawMemberText('{"a":1,"a":22}', ['a'])).toBe('22')
    expect(rawMemberText('{"a":"s"}', ['a'])).toBe('"s"')
  })
})
