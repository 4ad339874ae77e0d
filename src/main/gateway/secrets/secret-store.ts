import type { BoundSecret } from './binding'
import type { Secret } from './secret'
import type { SecretRef } from './secret-ref'

/**
 * Where workspace credentials live. Implementations validate every ref and value (throwing
 * `InvalidSecretError`) and never write a value anywhere but their backing store. Values come
 * back wrapped in `BoundSecret` so that logging one by mistake prints `[redacted]`, together with
 * the endpoint the secret was stored for: the only place it may be sent.
 *
 * Nothing here is exposed over IPC as-is: the renderer may call `has` (through a handler), never
 * `get`.
 */
export interface SecretStore {
  /**
   * Stores or replaces the secret for `ref`, bound to `endpoint` (the Opsgenie host or relay base
   * URL, checked by `parseEndpoint`): changing where a secret goes means writing it again.
   */
  set(ref: SecretRef, value: string | Secret, endpoint: string): Promise<void>
  /** The secret for `ref` and the endpoint it is bound to, or null when none is stored. */
  get(ref: SecretRef): Promise<BoundSecret | null>
  has(ref: SecretRef): Promise<boolean>
  /** Removes the secret; resolves false when there was none. */
  delete(ref: SecretRef): Promise<boolean>
  /** The refs that have a stored secret (never the values), optionally for one workspace. */
  list(workspaceId?: string): Promise<SecretRef[]>
}

/** Stable order for `list`: by workspace, then kind. */
export function compareRefs(a: SecretRef, b: SecretRef): number {
  return a.workspaceId === b.workspaceId
    ? a.kind.localeCompare(b.kind)
    : a.workspaceId.localeCompare(b.workspaceId)
}
