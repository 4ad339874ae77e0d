import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh secret (launch token or session): 32 random bytes, URL-safe and a valid HTTP token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * What is kept of a secret: its SHA-256. Comparing digests makes every comparison the same length
 * (so `timingSafeEqual` applies to any presented string) and keeps no secret in the server's heap.
 */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

/** Constant-time comparison of a presented secret with a kept digest; empty never matches. */
export function secretMatches(presented: string | undefined, digest: Buffer): boolean {
  if (presented === undefined || presented.length === 0) return false
  return timingSafeEqual(secretDigest(presented), digest)
}

/** The one origin the server trusts; `localhost` is only redirected here, never served. */
export function canonicalHost(port: number): string {
  return `127.0.0.1:${port}`
}

/** Only the exact loopback address and port this server is bound to; defeats DNS rebinding. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === canonicalHost(port)
}

/**
 * `localhost:P` reaches the same socket, but a page there is another origin: its WebSocket Origin
 * and CSP would not match. It gets a redirect to the canonical origin, nothing else.
 */
export function isLocalhostAlias(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `localhost:${port}`
}

/** A WebSocket (or a session request) must come from a page this server served. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://${canonicalHost(port)}`
}

/** The same CSP as the desktop window, plus the WebSocket back to this server. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The ingest worker (src/renderer/src/ingest), a module script of the bundle.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://${canonicalHost(port)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** The path and query of an origin-form request target. */
export interface RequestTarget {
  /** Percent-encoded, dot segments resolved. */
  pathname: string
  search: string
}

/**
 * Parses a request target without ever throwing: only origin-form (`/path?query`) is accepted;
 * absolute-form, asterisk-form and anything unparsable answer `undefined` (the caller's 400).
 * The target is appended to a fixed authority, so `//host:port` stays a path and cannot be read
 * as an authority with an invalid port.
 */
export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  if (raw === undefined || !raw.startsWith('/')) return undefined
  try {
    const url = new URL(`http://target${raw}`)
    return { pathname: url.pathname, search: url.search }
  } catch {
    return undefined
  }
}
