import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseServeArgs, parseTokenArgs } from '../../../src/relay/config.js'

const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-store-flags-'))
const secretFile = join(dir, 'secret')
const passwordFile = join(dir, 'redis-password')
writeFileSync(secretFile, 'store-flags-secret-0123456789\n')
writeFileSync(passwordFile, 'hunter2-redis\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const serve = (...extra: string[]): ReturnType<typeof parseServeArgs> =>
  parseServeArgs(['--port', '0', '--webhook-secret-file', secretFile, ...extra])

describe('relay --store flags', () => {
  it('keeps SQLite under --data as the default', () => {
    const config = serve('--data', join(dir, 'data'))
    expect(config.dataDir).toBe(join(dir, 'data'))
    expect(config.redis).toBeUndefined()
  })

  it('takes --store redis://host:port[/db] instead of --data, volatile only when asked', () => {
    expect(serve('--store', 'redis://10.0.0.5:6380/2').redis).toEqual({
      url: 'redis://10.0.0.5:6380/2',
      acceptVolatileStore: false,
    })
    const lax = serve('--store', 'rediss://cache.internal', '--accept-volatile-store')
    expect(lax.redis).toMatchObject({ url: 'rediss://cache.internal', acceptVolatileStore: true })
    expect(lax.dataDir).toBeUndefined()
    expect(
      serve('--store', 'redis://127.0.0.1:6379', '--store-password-file', passwordFile).redis,
    ).toMatchObject({ password: 'hunter2-redis' })
  })

  it.each([
    [[], /--data <dir> is required \(or --store/],
    [['--data', dir, '--store', 'redis://h:1'], /either --data <dir> or --store/],
    [['--store', 'http://h:1'], /redis:\/\/ or rediss:\/\/ URL, not http:/],
    [['--store', 'redis://:pw@h:1'], /must not carry credentials/],
    [['--store', 'redis://h:1/0?x=1'], /only \/<db number> may follow/],
    [['--store', 'redis://h:1/abc'], /only \/<db number> may follow/],
    [['--store', 'not a url'], /is not a URL/],
    [['--data', dir, '--accept-volatile-store'], /applies to --store redis:\/\/\.\.\. only/],
    [['--data', dir, '--store-password-file', passwordFile], /applies to --store/],
  ])('refuses %j with a message naming the flag', (extra, message) => {
    expect(() => serve(...extra)).toThrow(message)
  })

  it('gives token commands the same choice', () => {
    expect(parseTokenArgs(['--store', 'redis://h:1', '--name', 'laptop'], true)).toEqual({
      redis: { url: 'redis://h:1' },
      name: 'laptop',
    })
    expect(parseTokenArgs(['--data', dir], false)).toEqual({ dataDir: dir, name: '' })
    expect(() => parseTokenArgs(['--name', 'x'], true)).toThrow(/--data <dir> is required/)
  })
})
