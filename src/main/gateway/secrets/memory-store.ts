import { BoundSecret, parseEndpoint } from './binding'
import {
  accountFor,
  assertWorkspaceId,
  parseSecretRef,
  parseSecretValue,
  refFromAccount,
  type SecretRef,
} from './secret-ref'
import { compareRefs, type SecretStore } from './secret-store'

/**
 * A process-memory secret store for the Demo workspace ONLY: its key is a made-up key for the
 * local simulator, so it needs no keychain and the demo works on machines without one.
 *
 * Never use this for a real Opsgenie API key or relay token. Real secrets go through
 * `createKeytarSecretStore`, which refuses to work without a keychain rather than keep a key
 * anywhere else. Nothing here is written to disk; it is gone when the process exits.
 */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, BoundSecret>()

  return {
    async set(ref, value, endpoint) {
      const valid = parseSecretRef(ref)
      const secret = parseSecretValue(value, valid.kind)
      const bound = parseEndpoint(endpoint, valid.kind)
      values.set(accountFor(valid), new BoundSecret(secret.reveal(), bound))
    },
    async get(ref) {
      return values.get(accountFor(parseSecretRef(ref))) ?? null
    },
    async has(ref) {
      return values.has(accountFor(parseSecretRef(ref)))
    },
    async delete(ref) {
      return values.delete(accountFor(parseSecretRef(ref)))
    },
    async list(workspaceId) {
      if (workspaceId !== undefined) assertWorkspaceId(workspaceId)
      return [...values.keys()]
        .map((account) => refFromAccount(account))
        .filter((ref): ref is SecretRef => ref !== null)
        .filter((ref) => workspaceId === undefined || ref.workspaceId === workspaceId)
        .sort(compareRefs)
    },
  }
}
