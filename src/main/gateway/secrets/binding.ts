import { z } from 'zod'
import { insecureEndpointReason } from '../../../shared/secure-endpoint'
import { InvalidSecretError } from './errors'
import { Secret } from './secret'
import type { SecretKind } from './secret-ref'

/**
 * A secret together with the one base URL it may be sent to: the Opsgenie host for an API key,
 * the relay for a device token. Both are written in the same keychain item, so the destination
 * cannot be changed without writing the secret again, and an IPC caller that names another host
 * cannot get a stored key sent there.
 */
export class BoundSecret extends Secret {
  /** Canonical base URL (origin and path, no trailing slash); null for an item written before binding existed. */
  readonly endpoint: string | null

  constructor(value: string, endpoint: string | null) {
    super(value)
    this.endpoint = endpoint
  }
}

/** Longer than any real base URL; a limit so a keychain item stays small. */
const MAX_ENDPOINT_LENGTH = 2048

/**
 * Checks and canonicalises where a secret may go: an absolute http(s) URL without credentials,
 * query or fragment, https unless it is this computer. The canonical form is what `resolveHost`
 * and `relayBaseUrl` produce, so the same place always compares equal.
 */
export function parseEndpoint(endpoint: unknown, kind: SecretKind): string {
  const what = kind === 'api-key' ? 'Opsgenie host' : 'relay URL'
  if (typeof endpoint !== 'string') throw new InvalidSecretError(`the ${what} must be a string`)
  if (endpoint.length > MAX_ENDPOINT_LENGTH)
    throw new InvalidSecretError(`the ${what} is too long (at most ${MAX_ENDPOINT_LENGTH})`)
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new InvalidSecretError(`the ${what} is not a valid URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidSecretError(`the ${what} must be an http(s) URL`)
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    throw new InvalidSecretError(`the ${what} must not carry credentials, a query or a fragment`)
  const insecure = insecureEndpointReason(url, what)
  if (insecure !== undefined) throw new InvalidSecretError(insecure)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** Version 1 of a keychain item's text. Older items hold the bare secret. */
const StoredItem = z.strictObject({
  ondeck: z.literal(1),
  endpoint: z.string(),
  secret: z.string(),
})

/** The text a keychain item holds: the secret and its endpoint, inseparable. */
export function encodeBound(secret: Secret, endpoint: string): string {
  return JSON.stringify({ ondeck: 1, endpoint, secret: secret.reveal() })
}

/**
 * Reads an item back. A bare value (written by an Ondeck without binding) comes back with no
 * endpoint, so the caller refuses to send it anywhere until it is entered again.
 */
export function decodeBound(text: string): BoundSecret {
  if (text.startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    const item = StoredItem.safeParse(json)
    if (item.success) return new BoundSecret(item.data.secret, item.data.endpoint)
  }
  return new BoundSecret(text, null)
}
