import type { ErrorObject } from 'ajv'

export interface SchemaProblem {
  path: string
  message: string
}

function show(value: unknown): string {
  const text = JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * Ajv's messages name the keyword, not the field; these name the field (in `path`) and say what
 * was sent, so a failing conformance run reads without a debugger. `if` failures only echo the
 * `then` branch's own errors, and are dropped, as is a format error on a value of the wrong type.
 */
export function toProblems(
  prefix: string,
  errors: readonly ErrorObject[] | null | undefined,
): SchemaProblem[] {
  const problems: (SchemaProblem & { unknown: boolean })[] = []
  const seen = new Set<string>()
  const mistyped = new Set(
    (errors ?? []).filter((e) => e.keyword === 'type').map((e) => e.instancePath),
  )
  for (const error of errors ?? []) {
    if (error.keyword === 'format' && mistyped.has(error.instancePath)) continue // int32 on 1.5: say it once
    let path = `${prefix}${error.instancePath}`
    let message: string
    const params = error.params as Record<string, unknown>
    switch (error.keyword) {
      case 'if':
        continue
      case 'required':
        path = `${path}/${String(params['missingProperty'])}`
        message = `missing required property '${String(params['missingProperty'])}'`
        break
      case 'unevaluatedProperties':
      case 'additionalProperties': {
        const name = String(params['unevaluatedProperty'] ?? params['additionalProperty'])
        path = `${path}/${name}`
        message = `property '${name}' is not defined by the spec`
        break
      }
      case 'enum':
        message = `must be one of ${(params['allowedValues'] as unknown[]).map(show).join(', ')} (got ${show(error.data)})`
        break
      case 'type':
        message = `must be ${String(params['type'])} (got ${show(error.data)})`
        break
      case 'format':
        message = `must match format ${String(params['format'])} (got ${show(error.data)})`
        break
      default:
        message = `${error.message ?? error.keyword} (got ${show(error.data)})`
    }
    const key = `${path} ${message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({ path, message, unknown: error.keyword === 'unevaluatedProperties' })
  }
  // A subschema that fails records no evaluated properties, so its invalid field also shows up as
  // "not defined"; the real error at (or under) that field is the one worth reading.
  const real = problems.filter((p) => !p.unknown)
  return problems
    .filter(
      (p) => !p.unknown || !real.some((r) => r.path === p.path || r.path.startsWith(`${p.path}/`)),
    )
    .map(({ path, message }) => ({ path, message }))
}
