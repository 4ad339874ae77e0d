import { REDACTED, Secret } from './secret'

/**
 * `GenieKey <key>` as it appears in an Authorization header, a curl line or a logged request,
 * whether or not we know the key (a key from another workspace, or one typed by hand).
 */
const GENIE_KEY_HEADER = /\b(GenieKey)(\s+|%20|\+)[^\s"'`,;<>()[\]{}]+/gi

/**
 * Replaces every known secret value, and any `GenieKey <...>` credential, in `text` with
 * `[redacted]`. For loggers and error messages: anything that might echo a request or a response
 * passes through here before it is written anywhere.
 */
export function redact(
  text: string,
  secrets: Iterable<string | Secret | null | undefined> = [],
): string {
  const needles = new Set<string>()
  for (const secret of secrets) {
    const value = secret instanceof Secret ? secret.reveal() : secret
    if (!value) continue
    needles.add(value)
    // The same value inside a URL or form body.
    needles.add(encodeURIComponent(value))
  }
  // Longest first, so a secret that contains another is replaced whole.
  let out = text
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    out = out.split(needle).join(REDACTED)
  }
  return out.replace(
    GENIE_KEY_HEADER,
    (_match, word: string, gap: string) => `${word}${gap}${REDACTED}`,
  )
}

/**
 * An error's message and stack, redacted: for logging a failure whose message might quote a
 * request (ky's HTTPError does).
 */
export function redactError(
  error: unknown,
  secrets: Iterable<string | Secret | null | undefined> = [],
): string {
  const list = [...secrets]
  if (error instanceof Error) return redact(error.stack ?? `${error.name}: ${error.message}`, list)
  return redact(String(error), list)
}
