import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, parseServeArgs } from '../../src/relay/config.js'

const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-config-'))
const secretFile = join(dir, 'secret')
writeFileSync(secretFile, 'config-test-secret-0123456789\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const serve = (...extra: string[]): ReturnType<typeof parseServeArgs> =>
  parseServeArgs([
    '--port',
    '0',
    '--data',
    join(dir, 'data'),
    '--webhook-secret-file',
    secretFile,
    ...extra,
  ])

describe('relay serve flags for streams and retention size', () => {
  it('defaults to 256 streams, 8 per token and a 1 GiB store', () => {
    expect(serve()).toMatchObject({
      maxStreams: 256,
      maxStreamsPerToken: 8,
      retentionMaxBytes: 1024 ** 3,
    })
    expect(
      serve(
        '--max-streams',
        '40',
        '--max-streams-per-token',
        '2',
        '--retention-max-bytes',
        '20000000',
      ),
    ).toMatchObject({ maxStreams: 40, maxStreamsPerToken: 2, retentionMaxBytes: 20_000_000 })
  })

  it('names the flag when a value is out of range', () => {
    const cases: [string[], RegExp][] = [
      [['--max-streams', '0'], /--max-streams must be at least 1/],
      [['--max-streams-per-token', 'many'], /--max-streams-per-token must be a whole number/],
      [['--retention-max-bytes', '1000'], /--retention-max-bytes must be at least 16777216/],
    ]
    for (const [args, message] of cases) {
      expect(() => serve(...args)).toThrow(ConfigError)
      expect(() => serve(...args)).toThrow(message)
    }
  })
})
