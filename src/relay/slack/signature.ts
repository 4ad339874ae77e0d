import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** Slack's own bound: a request signed more than five minutes ago (or ahead) is a replay or a bad clock. */
export const MAX_SKEW_SECONDS = 5 * 60

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`, as Slack signs every request. */
export function slackSignature(secret: string, timestamp: string, body: Buffer | string): string {
  const mac = createHmac('sha256', secret)
  mac.update(`v0:${timestamp}:`)
  mac.update(body)
  return `v0=${mac.digest('hex')}`
}

/**
 * Checks the timestamp first (a stale request is refused before any secret work, as Slack
 * advises), then the signature over the exact bytes received, compared in constant time.
 */
export function verifySlackRequest(
  headers: IncomingHttpHeaders,
  body: Buffer,
  secret: string,
  nowMs: number,
): SignatureCheck {
  const timestamp = headers['x-slack-request-timestamp']
  const signature = headers['x-slack-signature']
  if (typeof timestamp !== 'string' || typeof signature !== 'string')
    return { ok: false, reason: 'missing X-Slack-Request-Timestamp or X-Slack-Signature header' }
  if (!/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'X-Slack-Request-Timestamp must be whole seconds since 1970' }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp))
  if (skew > MAX_SKEW_SECONDS)
    return {
      ok: false,
      reason: `X-Slack-Request-Timestamp is ${Math.round(skew)} s away from the relay's clock (at most ${MAX_SKEW_SECONDS})`,
    }
  const expected = Buffer.from(slackSignature(secret, timestamp, body))
  const given = Buffer.from(signature)
  // Lengths differ only for malformed headers; the length itself is public (v0= + 64 hex).
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'X-Slack-Signature does not match the request' }
  return { ok: true }
}
