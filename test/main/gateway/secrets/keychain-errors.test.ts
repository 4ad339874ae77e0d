import { describe, expect, it } from 'vitest'
import {
  KeychainUnavailableError,
  keychainMessage,
} from '../../../../src/main/gateway/secrets/index'
import {
  classifyKeychainError,
  toKeychainError,
} from '../../../../src/main/gateway/secrets/keychain-errors'

describe('keychain error mapping', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-dbus'],
    ['Could not connect: No such file or directory', 'no-dbus'],
    ['Could not connect: Connection refused', 'no-dbus'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'no-secret-service',
    ],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['Something nobody anticipated', 'failed'],
  ])('classifies %j as %s', (raw, reason) => {
    expect(classifyKeychainError(new Error(raw))).toBe(reason)
  })

  it('wraps a raw error with the user message, keeping the raw text as detail', () => {
    const error = toKeychainError(
      new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'),
      'relay token',
    )
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect(error.reason).toBe('no-dbus')
    expect(error.detail).toBe('Cannot autolaunch D-Bus without X11 $DISPLAY')
    expect(error.message).toContain('Ondeck will not store your relay token in plain text.')
  })

  it('says what to do for every reason', () => {
    for (const reason of [
      'no-dbus',
      'no-secret-service',
      'locked',
      'timeout',
      'failed',
      'module-missing',
    ] as const) {
      const message = keychainMessage(reason)
      expect(message).toContain('will not store your API key in plain text')
      expect(message).toMatch(/then try again\.$/)
    }
  })
})
