import { createPathMatcher } from './path-matcher'
import { resolveParameters } from './parameters'
import {
  isHttpMethod,
  type HttpMethod,
  type SwaggerOperation,
  type SwaggerParameter,
  type SwaggerSpec,
} from './spec-types'

export interface OperationEntry {
  /** `POST /v2/alerts/{identifier}/close`: how violations and deviations name an operation. */
  key: string
  operationId: string
  template: string
  method: HttpMethod
  operation: SwaggerOperation
  parameters: SwaggerParameter[]
  consumes: string[]
  produces: string[]
}

export type Resolution =
  | { ok: true; entry: OperationEntry; pathParams: Record<string, string> }
  | { ok: false; key: string; message: string }

export function operationKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${template}`
}

export function createOperationIndex(
  spec: SwaggerSpec,
): (method: string, path: string) => Resolution {
  const match = createPathMatcher(spec)
  const entries = new Map<string, OperationEntry>()
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [name, operation] of Object.entries(item)) {
      if (!isHttpMethod(name) || operation === undefined || Array.isArray(operation)) continue
      const op = operation as SwaggerOperation
      const key = operationKey(name, template)
      entries.set(key, {
        key,
        operationId: op.operationId ?? key,
        template,
        method: name,
        operation: op,
        parameters: resolveParameters(spec, [item.parameters, op.parameters]),
        consumes: op.consumes ?? spec.consumes ?? ['application/json'],
        produces: op.produces ?? spec.produces ?? ['application/json'],
      })
    }
  }
  return (method, path) => {
    const verb = method.toLowerCase()
    const matched = match(path)
    if (matched === undefined) {
      return {
        ok: false,
        key: operationKey(method, path),
        message: `no path in the spec matches ${path}`,
      }
    }
    const found = matched.template
    const entry = isHttpMethod(verb) ? entries.get(operationKey(verb, found)) : undefined
    if (entry === undefined) {
      const allowed = [...entries.values()]
        .filter((e) => e.template === found)
        .map((e) => e.method.toUpperCase())
      return {
        ok: false,
        key: operationKey(method, found),
        message: `${method.toUpperCase()} is not defined for ${found} (the spec defines ${allowed.join(', ')})`,
      }
    }
    return { ok: true, entry, pathParams: matched.params }
  }
}
