import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, parseServeArgs } from '../../../src/relay/config.js'

const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-slack-config-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const webhookSecret = file('webhook', 'config-test-secret-0123456789\n')
const signing = file('signing', '8f742231b10e8888abcd99yyyzzz85a5\n')
const shortSigning = file('short', 'abc\n')
const key = file('key', 'f4e2c0a8-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const serve = (...extra: string[]): ReturnType<typeof parseServeArgs> =>
  parseServeArgs([
    '--port',
    '0',
    '--data',
    join(dir, 'data'),
    '--webhook-secret-file',
    webhookSecret,
    ...extra,
  ])

describe('relay serve flags for paging from Slack', () => {
  it('has no Slack route unless a signing secret file is given', () => {
    expect(serve().slack).toBeUndefined()
    expect(serve('--slack-signing-secret-file', signing).slack).toEqual({
      signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
    })
  })

  it('reads the Opsgenie key from its file, host us by default, broad keys refused by default', () => {
    expect(serve('--slack-signing-secret-file', signing, '--opsgenie-key-file', key).slack).toEqual(
      {
        signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
        opsgenie: {
          host: 'us',
          apiKey: 'f4e2c0a8-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
          allowBroadKey: false,
        },
      },
    )
    const eu = serve(
      '--slack-signing-secret-file',
      signing,
      '--opsgenie-key-file',
      key,
      '--opsgenie-host',
      'eu',
      '--allow-broad-opsgenie-key',
    )
    expect(eu.slack?.opsgenie).toMatchObject({ host: 'eu', allowBroadKey: true })
    const local = serve(
      '--slack-signing-secret-file',
      signing,
      '--opsgenie-key-file',
      key,
      '--opsgenie-host',
      'http://127.0.0.1:4010',
    )
    expect(local.slack?.opsgenie?.host).toBe('http://127.0.0.1:4010')
  })

  it('refuses flags that do not fit together, plain http to another host and a short signing secret', () => {
    const bad: [string[], RegExp][] = [
      [['--opsgenie-key-file', key], /give --slack-signing-secret-file too/],
      [['--allow-broad-opsgenie-key'], /give --slack-signing-secret-file too/],
      [
        ['--slack-signing-secret-file', signing, '--opsgenie-host', 'eu'],
        /need --opsgenie-key-file/,
      ],
      [
        [
          '--slack-signing-secret-file',
          signing,
          '--opsgenie-key-file',
          key,
          '--opsgenie-host',
          'http://opsgenie.example',
        ],
        /--opsgenie-host .*https/,
      ],
      [
        [
          '--slack-signing-secret-file',
          signing,
          '--opsgenie-key-file',
          key,
          '--opsgenie-host',
          'nonsense',
        ],
        /--opsgenie-host nonsense/,
      ],
      [['--slack-signing-secret-file', shortSigning], /has 3 characters/],
      [
        ['--slack-signing-secret-file', join(dir, 'missing')],
        /cannot read --slack-signing-secret-file/,
      ],
    ]
    for (const [flags, message] of bad) {
      expect(() => serve(...flags), flags.join(' ')).toThrow(ConfigError)
      expect(() => serve(...flags), flags.join(' ')).toThrow(message)
    }
  })
})
