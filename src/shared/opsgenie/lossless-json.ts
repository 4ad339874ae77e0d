/**
 * `JSON.parse` that keeps integers beyond 2^53 exact by turning them into decimal strings.
 * Opsgenie's webhook `updatedAt`/`insertedAt` are epoch nanoseconds (~1.4e18); read as numbers
 * they round and reorder events that happened within a microsecond. Strings are matched first, so
 * digits inside a JSON string are never touched; smaller numbers stay numbers.
 */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![.eE\d])/g

export function parseLossless(text: string): unknown {
  const quoted = text.replace(TOKEN, (token) => (token.startsWith('"') ? token : `"${token}"`))
  return JSON.parse(quoted)
}
