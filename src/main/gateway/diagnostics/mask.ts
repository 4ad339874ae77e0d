import { REDACTED, redact } from '../secrets'

/**
 * Credentials recognisable by their shape alone, for text that may quote a secret we do not hold
 * (another workspace's key typed into a note, a token pasted into an error report). Known values
 * are replaced by `redact` first; these catch the rest.
 */
const SHAPES: readonly { readonly pattern: RegExp; readonly keep: number }[] = [
  // `Authorization: Bearer <token>` / `Basic <base64>`: keep the scheme word, drop the credential.
  // A credential is 8+ characters with a capital, digit or base64 sign ("Basic auth" is prose).
  {
    pattern:
      /\b([Bb]earer|[Bb]asic|BEARER|BASIC)(\s+|%20|\+)(?=[\w.~+/=-]*[A-Z0-9+/=])[\w.~+/=-]{8,}/g,
    keep: 2,
  },
  // `GenieKey <key>` is redact's; repeated here so masking alone is enough for any caller.
  { pattern: /\b(GenieKey)(\s+|%20|\+)[^\s"'`,;<>()[\]{}]+/gi, keep: 2 },
  // Relay device tokens (`odr_` + base64url, see src/relay/tokens.ts).
  { pattern: /()()\bodr_[A-Za-z0-9_-]{8,}/g, keep: 0 },
  // 64 hex digits: session secrets, webhook secrets, token digests.
  { pattern: /()()(?<![0-9a-fA-F])[0-9a-fA-F]{64,}(?![0-9a-fA-F])/g, keep: 0 },
  // Credentials in a URL: https://user:password@host
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)()[^/\s@]+(?=@)/gi, keep: 1 },
  // key=value (query strings, forms) and "key": "value" (JSON) for names that only ever hold secrets.
  {
    pattern:
      /(\b(?:api[_-]?key|apikey|token|secret|password|authorization)(?:=|["']\s*:\s*["']))()(?!\[redacted\])[^\s"'&,;}]{4,}/gi,
    keep: 1,
  },
]

/** Replaces every credential-shaped substring of `text` with `[redacted]`. */
export function maskSecretShapes(text: string): string {
  let out = text
  for (const { pattern, keep } of SHAPES) {
    out = out.replace(pattern, (...groups: unknown[]) => {
      const kept = groups.slice(1, 1 + keep).join('')
      return `${kept}${REDACTED}`
    })
  }
  return out
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A key is a UUID and Opsgenie reads it in any case, with or without dashes: each spelling of a
 * known value, as one case-insensitive pattern (longest values first, as in `redact`).
 */
function spellings(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set<string>()
  for (const value of secrets) {
    if (value.length < 8) continue
    forms.add(escape(value))
    if (/^[0-9a-f-]+$/i.test(value) && value.includes('-')) forms.add(value.replace(/-/g, ''))
  }
  if (forms.size === 0) return undefined
  return new RegExp([...forms].sort((a, b) => b.length - a.length).join('|'), 'gi')
}

/**
 * The one scrub everything written by the logger or into a diagnostics archive goes through:
 * the known secret values (exact, URL-encoded, any case, a UUID without its dashes), then the
 * known shapes.
 */
export function scrubText(text: string, secrets: Iterable<string> = []): string {
  const values = [...secrets]
  const known = spellings(values)
  const exact = redact(text, values)
  return maskSecretShapes(known === undefined ? exact : exact.replace(known, REDACTED))
}
