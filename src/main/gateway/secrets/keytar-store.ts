import {
  KeychainUnavailableError,
  InvalidSecretError,
  type KeychainUnavailableReason,
} from './errors'
import { decodeBound, encodeBound, parseEndpoint, type BoundSecret } from './binding'
import { toKeychainError } from './keychain-errors'
import {
  accountFor,
  assertWorkspaceId,
  parseSecretRef,
  parseSecretValue,
  refFromAccount,
  type SecretRef,
} from './secret-ref'
import { compareRefs, type SecretStore } from './secret-store'

type Keytar = Pick<
  typeof import('keytar'),
  'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'
>

export type KeychainStatus =
  | { available: true }
  | { available: false; reason: string; code: KeychainUnavailableReason; detail: string }

export interface KeytarSecretStoreOptions {
  /**
   * Keychain service name: `ondeck` for the desktop app, `ondeck-browser-mode` for browser mode
   * (see `KEYCHAIN_SERVICES`); tests use a unique one per run.
   */
  service?: string
  /** How long `checkKeychain` waits for an answer (a locked keyring may wait on a prompt). */
  probeTimeoutMs?: number
}

export interface KeytarSecretStore extends SecretStore {
  readonly service: string
  /** Whether secrets can be stored right now, and if not, a message for the user. */
  checkKeychain(): Promise<KeychainStatus>
}

/**
 * The desktop app and browser mode keep their secrets apart: a browser session (a larger attack
 * surface, reachable by anyone holding its launch URL) never reads the keys the desktop app
 * stored, and the desktop app never uses a key typed into a browser tab.
 */
export const KEYCHAIN_SERVICES = { desktop: 'ondeck', browserMode: 'ondeck-browser-mode' } as const

const SERVICE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
/** Has no ':' so `list` never mistakes it for a workspace secret. */
const PROBE_ACCOUNT = '__ondeck_keychain_probe__'

let keytarModule: Promise<Keytar> | undefined

/**
 * keytar is loaded on first use, not at import: a native module built for the wrong ABI (or not
 * built at all) must become "no keychain available", not a crash at startup.
 */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((mod) => (mod as { default?: Keytar }).default ?? mod)
  return keytarModule
}

/** The OS keychain through keytar. Never falls back to anything else. */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): KeytarSecretStore {
  const { service = KEYCHAIN_SERVICES.desktop, probeTimeoutMs = 30_000 } = options
  if (!SERVICE_PATTERN.test(service)) {
    throw new InvalidSecretError(
      `invalid keychain service name ${JSON.stringify(service)}: use A-Z, a-z, 0-9, ".", "_", "-"`,
    )
  }

  async function withKeytar<T>(what: string, op: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar
    try {
      keytar = await loadKeytar()
    } catch (error) {
      throw toKeychainError(error, what, 'module-missing')
    }
    try {
      return await op(keytar)
    } catch (error) {
      throw toKeychainError(error, what)
    }
  }

  const label = (ref: SecretRef): string => (ref.kind === 'api-key' ? 'API key' : 'relay token')

  async function get(ref: SecretRef): Promise<BoundSecret | null> {
    const valid = parseSecretRef(ref)
    const value = await withKeytar(label(valid), (k) => k.getPassword(service, accountFor(valid)))
    return value === null ? null : decodeBound(value)
  }

  return {
    service,
    async set(ref, value, endpoint) {
      const valid = parseSecretRef(ref)
      const secret = parseSecretValue(value, valid.kind)
      const bound = parseEndpoint(endpoint, valid.kind)
      // One item holds both, so the endpoint cannot be changed without writing the secret again.
      await withKeytar(label(valid), (k) =>
        k.setPassword(service, accountFor(valid), encodeBound(secret, bound)),
      )
    },
    get,
    async has(ref) {
      return (await get(ref)) !== null
    },
    async delete(ref) {
      const valid = parseSecretRef(ref)
      return withKeytar(label(valid), (k) => k.deletePassword(service, accountFor(valid)))
    },
    async list(workspaceId) {
      if (workspaceId !== undefined) assertWorkspaceId(workspaceId)
      // findCredentials is the only enumeration keytar offers; the values are dropped right here.
      const credentials = await withKeytar('secrets', (k) => k.findCredentials(service))
      return credentials
        .map(({ account }) => refFromAccount(account))
        .filter((ref): ref is SecretRef => ref !== null)
        .filter((ref) => workspaceId === undefined || ref.workspaceId === workspaceId)
        .sort(compareRefs)
    },
    checkKeychain: () => probe(service, probeTimeoutMs, withKeytar),
  }
}

/** Standalone probe, for the setup screen before any store is in use. */
export function checkKeychain(options: KeytarSecretStoreOptions = {}): Promise<KeychainStatus> {
  return createKeytarSecretStore(options).checkKeychain()
}

/**
 * Writes and deletes a throwaway item. Reading is not enough: a Secret Service with no default
 * keyring answers lookups (with nothing) yet refuses every write.
 */
async function probe(
  service: string,
  timeoutMs: number,
  withKeytar: <T>(what: string, op: (keytar: Keytar) => Promise<T>) => Promise<T>,
): Promise<KeychainStatus> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          toKeychainError(new Error(`no answer within ${timeoutMs} ms`), undefined, 'timeout'),
        ),
      timeoutMs,
    )
  })
  try {
    await Promise.race([
      withKeytar('API key', async (k) => {
        await k.setPassword(service, PROBE_ACCOUNT, 'ondeck keychain probe (not a secret)')
        await k.deletePassword(service, PROBE_ACCOUNT)
      }),
      timeout,
    ])
    return { available: true }
  } catch (error) {
    const unavailable = error instanceof KeychainUnavailableError ? error : toKeychainError(error)
    return {
      available: false,
      reason: unavailable.message,
      code: unavailable.reason,
      detail: unavailable.detail,
    }
  } finally {
    clearTimeout(timer)
  }
}
