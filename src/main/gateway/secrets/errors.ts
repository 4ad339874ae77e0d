/**
 * Errors of the secret store. None of them ever carries a secret value: messages name the ref and
 * the problem, and `detail` holds the keychain's own (value-free) message for diagnostics.
 */

/** Why no keychain can be used; drives the message shown to the user. */
export type KeychainUnavailableReason =
  'no-dbus' | 'no-secret-service' | 'locked' | 'module-missing' | 'timeout' | 'failed'

/** Base class so callers can tell secret-store failures from everything else. */
export class SecretStoreError extends Error {
  override name = 'SecretStoreError'
}

/** A ref or value failed validation; the message says which rule, never the value. */
export class InvalidSecretError extends SecretStoreError {
  override name = 'InvalidSecretError'
}

/**
 * There is no usable OS keychain. Thrown instead of falling back to plain text: Ondeck never
 * stores a key anywhere but the keychain.
 */
export class KeychainUnavailableError extends SecretStoreError {
  override name = 'KeychainUnavailableError'
  readonly reason: KeychainUnavailableReason
  /** The keychain's raw error text, for logs and bug reports (contains no secret). */
  readonly detail: string

  constructor(reason: KeychainUnavailableReason, message: string, detail: string) {
    super(message)
    this.reason = reason
    this.detail = detail
  }
}
