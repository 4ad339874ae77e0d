import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh per-launch token: 32 random bytes, URL-safe. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison of a presented token with the launch token (hashing equalises lengths). */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || presented.length === 0) return false
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** Only the exact loopback host and port this server is bound to; defeats DNS rebinding. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`
}

/** A WebSocket (or fetch) must come from a page this server served. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (cookieHeader === undefined) return undefined
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

/** The same CSP as the desktop window, plus the WebSocket back to this server. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}
