/**
 * A depth check on JSON text, without parsing it. (The exact-text member scanner that used to live
 * here went when the dedup key moved to `src/shared/opsgenie/webhook.ts`, which reads nanosecond
 * stamps exactly with its lossless parse.)
 */

/**
 * Whether objects and arrays nest deeper than `max` (the root is level 1). Linear, iterative and
 * safe on any text, so it can vet a body before anything recursive reads it.
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
