import { isJsonObject, type JsonObject } from './spec-types'

/**
 * Swagger 2.0 schemas are draft-4 JSON Schema plus extras; this rewrites them for Ajv's 2019-09
 * dialect, which we need for `unevaluatedProperties` (the only way to forbid unknown properties
 * across `allOf`). Requests are "closed" (an unknown property is a violation: it catches typos and
 * fields the spec lacks), responses stay open (Opsgenie adds fields and clients ignore them).
 */
export type SchemaMode = 'request' | 'response'

const KEPT_KEYWORDS = new Set([
  'type',
  'format',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'required',
  'properties',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
  '$ref',
])
const KNOWN_FORMATS = new Set([
  'date-time',
  'date',
  'int32',
  'int64',
  'float',
  'double',
  'byte',
  'email',
  'uri',
])
const DEFINITION_REF = /^#\/definitions\/(.+)$/

export interface ConvertContext {
  mode: SchemaMode
  /** Definitions that carry a `discriminator`: an `allOf` reference to one means "extends its base". */
  discriminated: ReadonlySet<string>
  rootId: string
}

export function definitionRef(ctx: ConvertContext, name: string, closed: boolean): string {
  const suffix = ctx.mode === 'request' && !closed ? '__open' : ''
  return `${ctx.rootId}#/definitions/${name}${suffix}`
}

function convertRef(ref: string, ctx: ConvertContext, inAllOf: boolean): JsonObject {
  const name = DEFINITION_REF.exec(ref)?.[1]
  if (name === undefined) throw new Error(`unsupported $ref ${ref}`)
  if (inAllOf && ctx.discriminated.has(name))
    return { $ref: `${ctx.rootId}#/definitions/${name}__base` }
  return { $ref: definitionRef(ctx, name, !inAllOf) }
}

function readOnlyNames(properties: unknown): Set<string> {
  if (!isJsonObject(properties)) return new Set()
  return new Set(
    Object.keys(properties).filter(
      (key) => isJsonObject(properties[key]) && properties[key]['readOnly'] === true,
    ),
  )
}

/** `closed` is false for `allOf`/`anyOf` members (`anyOf` only appears in our own supplements): closing must happen once, around the whole composition. */
export function convertSchema(node: JsonObject, ctx: ConvertContext, closed: boolean): JsonObject {
  if (typeof node['$ref'] === 'string') return convertRef(node['$ref'], ctx, false)
  const out: JsonObject = {}
  const dropped = ctx.mode === 'request' ? readOnlyNames(node['properties']) : new Set<string>()
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT_KEYWORDS.has(key)) continue // x-*, discriminator, description, default, readOnly, nullable...
    if (key === 'type') {
      if (value === 'file') continue // multipart uploads: the body is not JSON, nothing to check
      out['type'] =
        node['nullable'] === true || node['x-nullable'] === true ? [value, 'null'] : value
    } else if (key === 'format') {
      if (typeof value === 'string' && KNOWN_FORMATS.has(value)) out['format'] = value
    } else if (key === 'properties' && isJsonObject(value)) {
      const properties: JsonObject = {}
      for (const [name, schema] of Object.entries(value)) {
        if (!dropped.has(name) && isJsonObject(schema))
          properties[name] = convertSchema(schema, ctx, true)
      }
      out['properties'] = properties
    } else if (key === 'required' && Array.isArray(value)) {
      out['required'] = value.filter((name) => typeof name === 'string' && !dropped.has(name))
    } else if (key === 'items' && isJsonObject(value)) {
      out['items'] = convertSchema(value, ctx, true)
    } else if (key === 'additionalProperties') {
      out[key] = isJsonObject(value) ? convertSchema(value, ctx, true) : value
    } else if ((key === 'allOf' || key === 'anyOf') && Array.isArray(value)) {
      out[key] = value
        .filter(isJsonObject)
        .map((member) =>
          typeof member['$ref'] === 'string'
            ? convertRef(member['$ref'], ctx, true)
            : convertSchema(member, ctx, false),
        )
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      const bound = node[key === 'exclusiveMinimum' ? 'minimum' : 'maximum']
      if (value === true && typeof bound === 'number') out[key] = bound // draft-4 boolean form
    } else {
      out[key] = value
    }
  }
  if (out['exclusiveMinimum'] !== undefined) delete out['minimum']
  if (out['exclusiveMaximum'] !== undefined) delete out['maximum']
  const composite = out['properties'] !== undefined || out['allOf'] !== undefined
  if (ctx.mode === 'request' && closed && composite && out['additionalProperties'] === undefined) {
    out['unevaluatedProperties'] = false
  }
  return out
}
