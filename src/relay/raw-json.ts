/**
 * Reads one member of a JSON document as its exact source text. `JSON.parse` turns Opsgenie's
 * nanosecond `updatedAt` (beyond 2^53) into a rounded double, and Node 20 has no reviver source
 * access, so the dedup key reads the digits straight from the body instead.
 *
 * The input must already be valid JSON (callers run `JSON.parse` first) and nest no deeper than
 * a caller-checked bound (`nestsDeeperThan`): this scanner only walks it, recursively.
 * Like `JSON.parse`, the last occurrence of a duplicated key wins.
 */
export function rawMemberText(json: string, path: readonly string[]): string | undefined {
  let start = skipWs(json, 0)
  for (const key of path) {
    if (json[start] !== '{') return undefined
    const found = findMember(json, start, key)
    if (found === undefined) return undefined
    start = found
  }
  return json.slice(start, skipValue(json, start))
}

/**
 * Whether objects and arrays nest deeper than `max` (the root is level 1). The scanner below
 * recurses once per level, so a body of a million `[` would overflow the stack; callers check
 * this first. Linear, and safe on any text.
 */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0
  for (let i = 0; i < json.length; i++) {
    const c = json[i]
    if (c === '"') {
      for (i++; i < json.length && json[i] !== '"'; i++) if (json[i] === '\\') i++
    } else if (c === '{' || c === '[') {
      if (++depth > max) return true
    } else if (c === '}' || c === ']') depth--
  }
  return false
}

function findMember(json: string, objectStart: number, key: string): number | undefined {
  let found: number | undefined
  let i = skipWs(json, objectStart + 1)
  while (json[i] !== '}') {
    const keyEnd = skipString(json, i)
    const name = JSON.parse(json.slice(i, keyEnd)) as string
    const valueStart = skipWs(json, skipWs(json, keyEnd) + 1) // past ':'
    if (name === key) found = valueStart
    i = skipWs(json, skipValue(json, valueStart))
    if (json[i] === ',') i = skipWs(json, i + 1)
  }
  return found
}

function skipWs(json: string, i: number): number {
  while (i < json.length && ' \t\n\r'.includes(json[i] as string)) i++
  return i
}

function skipString(json: string, i: number): number {
  i++ // opening quote
  while (json[i] !== '"') i += json[i] === '\\' ? 2 : 1
  return i + 1
}

function skipValue(json: string, i: number): number {
  const c = json[i]
  if (c === '"') return skipString(json, i)
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']'
    i = skipWs(json, i + 1)
    while (json[i] !== close) {
      i = skipValue(json, i) // a key in objects, an element in arrays
      i = skipWs(json, i)
      if (json[i] === ':' || json[i] === ',') i = skipWs(json, i + 1)
    }
    return i + 1
  }
  while (i < json.length && !',}] \t\n\r'.includes(json[i] as string)) i++
  return i
}
