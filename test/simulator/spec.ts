import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { OPSGENIE_SPEC } from '../fixtures/opsgenie/paths'

interface Operation {
  responses: Record<string, { $ref?: string; schema?: unknown }>
}
interface Spec {
  paths: Record<string, Record<string, Operation>>
  responses: Record<string, { schema?: unknown }>
  definitions: Record<string, unknown>
}

/**
 * A small response checker for the simulator's own tests: finds the spec operation for a
 * method and concrete path and validates a response body against its schema (Swagger 2.0).
 */
export function loadSpecChecker(): (
  method: string,
  path: string,
  status: number,
  body: unknown,
) => string[] {
  const spec = JSON.parse(readFileSync(OPSGENIE_SPEC, 'utf8')) as Spec
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  for (const f of ['int32', 'int64', 'float', 'double', 'byte']) ajv.addFormat(f, true)
  ajv.addSchema({ $id: 'spec', definitions: spec.definitions })
  const fix = (schema: unknown): unknown =>
    JSON.parse(
      JSON.stringify(schema).replaceAll('"#/definitions/', '"spec#/definitions/'),
    ) as unknown
  const templates = Object.keys(spec.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      re: new RegExp(`^${template.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    }))
    .sort((a, b) => a.params - b.params)
  const cache = new Map<string, ValidateFunction>()
  return (method, path, status, body) => {
    const found = templates.find(
      (t) => t.re.test(path) && spec.paths[t.template]?.[method.toLowerCase()],
    )
    if (!found) return [`no spec operation for ${method} ${path}`]
    const op = spec.paths[found.template]?.[method.toLowerCase()]
    const response = op?.responses[String(status)] ?? op?.responses.default
    if (!response) return [`spec has no ${status} response for ${method} ${found.template}`]
    const schema = response.$ref
      ? spec.responses[response.$ref.split('/').pop() ?? '']?.schema
      : response.schema
    if (!schema) return []
    const key = `${method} ${found.template} ${status}`
    let validate = cache.get(key)
    if (!validate) {
      validate = ajv.compile(fix(schema) as object)
      cache.set(key, validate)
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message ?? ''}`)
  }
}
