import { describe, expect, it } from 'vitest'
import { parseDoctorArgs, UsageError } from '../../../../src/main/gateway/doctor/args'
import { describeProbe, isLimitation } from '../../../../src/main/gateway/doctor/describe'

describe('parseDoctorArgs', () => {
  it('reads host, key file and --write', () => {
    expect(parseDoctorArgs(['--host', 'eu', '--api-key-file', '/tmp/k'])).toEqual({
      host: 'eu',
      apiKeyFile: '/tmp/k',
      write: false,
      timeoutMs: undefined,
    })
    expect(
      parseDoctorArgs([
        '--host',
        'http://127.0.0.1:1',
        '--api-key-file',
        'k',
        '--write',
        '--timeout-ms',
        '500',
      ]),
    ).toMatchObject({ write: true, timeoutMs: 500 })
  })

  it.each([
    [[], '--host is required'],
    [['--host', 'us'], '--api-key-file is required'],
    [['--host', 'mars', '--api-key-file', 'k'], 'invalid Opsgenie host "mars"'],
    [['--host', 'us', '--api-key-file', 'k', '--verbose'], "Unknown option '--verbose'"],
    [['--host', 'us', '--api-key-file', 'k', 'extra'], 'positional'],
    [
      ['--host', 'us', '--api-key-file', 'k', '--timeout-ms', '0'],
      '--timeout-ms must be a positive integer',
    ],
  ])('refuses %j with a usage error', (argv, problem) => {
    let caught: unknown
    try {
      parseDoctorArgs(argv)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(UsageError)
    expect((caught as Error).message).toContain(problem)
  })
})

describe('describe', () => {
  it('tells refusals (what the key may do) from failures (the check broke)', () => {
    expect(isLimitation({ kind: 'plan', status: 402, operation: 'x', message: 'plan' })).toBe(true)
    expect(isLimitation({ kind: 'timeout', timeoutMs: 1, operation: 'x', message: 't' })).toBe(
      false,
    )
    expect(
      describeProbe({
        ok: false,
        failure: { kind: 'wrong-key', status: 403, operation: 'x', message: 'no' },
      }),
    ).toBe('refused: no')
    expect(
      describeProbe({
        ok: false,
        failure: { kind: 'server', status: 500, operation: 'x', message: 'boom' },
      }),
    ).toBe('FAILED: boom')
    expect(describeProbe({ ok: true })).toBe('answers')
  })
})
