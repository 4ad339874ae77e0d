import { Console } from 'node:console'
import { PassThrough } from 'node:stream'
import { format, inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Secret } from '../../../../src/main/gateway/secrets/index'

const VALUE = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f'

function printedByConsole(...args: unknown[]): string {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const console = new Console({ stdout: stream, stderr: stream })
  console.log(...args)
  console.error(...args)
  console.dir(args, { depth: 10 })
  console.table([{ key: args[0] }])
  return Buffer.concat(chunks).toString('utf8')
}

describe('Secret', () => {
  const secret = new Secret(VALUE)

  it('gives the value only through reveal()', () => {
    expect(secret.reveal()).toBe(VALUE)
    expect(secret.equals(VALUE)).toBe(true)
    expect(secret.equals(new Secret(VALUE))).toBe(true)
    expect(secret.equals('other')).toBe(false)
  })

  it('prints [redacted] through String, interpolation and concatenation', () => {
    expect(String(secret)).toBe('[redacted]')
    expect(`${secret}`).toBe('[redacted]')
    expect('key=' + secret).toBe('key=[redacted]')
    expect(new Error(`bad key ${secret}`).message).toBe('bad key [redacted]')
  })

  it('serialises as [redacted], also nested', () => {
    expect(JSON.stringify(secret)).toBe('"[redacted]"')
    const json = JSON.stringify({ workspace: { apiKey: secret, list: [secret] } })
    expect(json).toBe('{"workspace":{"apiKey":"[redacted]","list":["[redacted]"]}}')
  })

  it('never shows the value to util.inspect, util.format or console', () => {
    const nested = { headers: { Authorization: secret }, deep: { a: { b: { c: { d: secret } } } } }
    const outputs = [
      inspect(secret),
      inspect(nested, { depth: Infinity, showHidden: true, getters: true }),
      format('%s %o %O %j %d', secret, secret, nested, nested, secret),
      printedByConsole(secret, nested),
    ]
    for (const output of outputs) {
      expect(output).toContain('[redacted]')
      expect(output).not.toContain(VALUE)
    }
  })

  it('exposes nothing through keys, entries or structuredClone', () => {
    expect(Object.keys(secret)).toEqual([])
    expect(Object.getOwnPropertyNames(secret)).toEqual([])
    expect(JSON.stringify(structuredClone(secret))).not.toContain(VALUE)
  })
})
