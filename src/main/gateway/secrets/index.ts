export type { SecretStore } from './secret-store'
export {
  SECRET_KINDS,
  MAX_SECRET_LENGTH,
  WORKSPACE_ID_PATTERN,
  secretRefSchema,
  parseSecretRef,
  parseSecretValue,
  assertWorkspaceId,
  type SecretKind,
  type SecretRef,
} from './secret-ref'
export { Secret, REDACTED } from './secret'
export { BoundSecret, parseEndpoint } from './binding'
export { redact, redactError } from './redact'
export {
  SecretStoreError,
  InvalidSecretError,
  KeychainUnavailableError,
  type KeychainUnavailableReason,
} from './errors'
export { keychainMessage } from './keychain-errors'
export {
  createKeytarSecretStore,
  checkKeychain,
  KEYCHAIN_SERVICES,
  type KeychainStatus,
  type KeytarSecretStore,
  type KeytarSecretStoreOptions,
} from './keytar-store'
export { createMemorySecretStore } from './memory-store'
