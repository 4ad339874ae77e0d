import { KeychainUnavailableError, type KeychainUnavailableReason } from './errors'
import { assertNever } from '../../../shared/assert-never'

/**
 * keytar reports libsecret/GDBus (Linux), Security.framework (macOS) and Credential Manager
 * (Windows) failures as plain Errors with the platform's text. These patterns pick out the ones
 * that mean "there is no usable keychain", as opposed to a bug or a bad argument.
 */
const PATTERNS: ReadonlyArray<readonly [KeychainUnavailableReason, RegExp]> = [
  // No session bus: "Cannot autolaunch D-Bus without X11 $DISPLAY", a dead socket address, ...
  [
    'no-dbus',
    /autolaunch|DBUS_SESSION_BUS_ADDRESS|dbus-launch|Could not connect|Failed to connect|Connection refused|No such file or directory|Address does not contain|Unknown or unsupported transport/i,
  ],
  // A bus, but nobody provides org.freedesktop.secrets.
  [
    'no-secret-service',
    /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files|Secret Service/i,
  ],
  // A secret service whose default collection is locked, missing, or whose unlock prompt failed.
  [
    'locked',
    /locked|Object does not exist at path|No such secret collection|prompt|dismissed|cancel|User interaction is not allowed|passphrase|interaction/i,
  ],
]

/** Any other keychain error is 'failed': a keychain that errors is as unusable as none. */
export function classifyKeychainError(error: unknown): KeychainUnavailableReason {
  const text = error instanceof Error ? error.message : String(error)
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'failed'
}

/** What the user reads. `what` names the secret ("API key", "relay token"). */
export function keychainMessage(reason: KeychainUnavailableReason, what = 'API key'): string {
  const refusal = `Ondeck will not store your ${what} in plain text.`
  const backend = backendName()
  switch (reason) {
    case 'no-dbus':
    case 'no-secret-service':
      return `No system keychain is available (${backend}). ${refusal} ${installHint()}`
    case 'locked':
      return `The system keychain is locked or has no default keyring (${backend}). ${refusal} Unlock it (or create a default keyring), then try again.`
    case 'timeout':
      return `The system keychain did not answer in time (${backend}); it may be waiting to be unlocked. ${refusal} Unlock it, then try again.`
    case 'failed':
      return `The system keychain reported an error (${backend}). ${refusal} Check that it is installed and unlocked, then try again.`
    case 'module-missing':
      return `Ondeck's keychain module could not be loaded, so no system keychain is available. ${refusal} Reinstall Ondeck, then try again.`
    default:
      return assertNever(reason)
  }
}

/** Wraps an error from keytar (or from loading it) in `KeychainUnavailableError`. */
export function toKeychainError(
  error: unknown,
  what?: string,
  reason: KeychainUnavailableReason = classifyKeychainError(error),
): KeychainUnavailableError {
  if (error instanceof KeychainUnavailableError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new KeychainUnavailableError(reason, keychainMessage(reason, what), detail)
}

function backendName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain'
  if (process.platform === 'win32') return 'Windows Credential Manager'
  return 'Secret Service over D-Bus'
}

function installHint(): string {
  return process.platform === 'linux' || process.platform === 'freebsd'
    ? 'Install and unlock gnome-keyring or KWallet, then try again.'
    : 'Check that the keychain is enabled and unlocked, then try again.'
}
