import { convertSchema, type ConvertContext } from './schema-converter'
import {
  type JsonObject,
  type SwaggerParameter,
  type SwaggerSpec,
  type ParameterOrRef,
} from './spec-types'

export type ParameterLocation = 'path' | 'query' | 'header'

const SEPARATORS: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|', multi: ',' }

export function resolveParameters(
  spec: SwaggerSpec,
  lists: (ParameterOrRef[] | undefined)[],
): SwaggerParameter[] {
  const byKey = new Map<string, SwaggerParameter>()
  for (const list of lists) {
    for (const entry of list ?? []) {
      const param =
        '$ref' in entry ? spec.parameters?.[entry.$ref.replace('#/parameters/', '')] : entry
      if (param === undefined) throw new Error(`unresolved parameter ${JSON.stringify(entry)}`)
      byKey.set(`${param.in}:${param.name}`, param) // operation-level entries override path-level ones
    }
  }
  return [...byKey.values()]
}

function coerceScalar(raw: string, type: unknown): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw)
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw)
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true'
  return raw // left as a string, so the schema reports the type mismatch with the value sent
}

/** Query, path and header values arrive as text; the spec types them as the decoded value. */
export function coerceParameter(param: SwaggerParameter, raw: string): unknown {
  if (param.type !== 'array') return coerceScalar(raw, param.type)
  const items = raw === '' ? [] : raw.split(SEPARATORS[param.collectionFormat ?? 'csv'] ?? ',')
  return items.map((item) => coerceScalar(item, param.items?.['type']))
}

/** A parameter's own keywords form its schema; a (malformed) `schema` on a query param is ignored. */
function parameterSchema(param: SwaggerParameter, ctx: ConvertContext): JsonObject {
  const source: JsonObject = {}
  for (const key of [
    'type',
    'format',
    'enum',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'items',
  ] as const) {
    if (param[key] !== undefined) source[key] = param[key]
  }
  return convertSchema(source, ctx, true)
}

/** One object schema per location, so all of an operation's parameter problems come out together. */
export function locationSchema(
  params: SwaggerParameter[],
  location: ParameterLocation,
  ctx: ConvertContext,
): JsonObject {
  const mine = params.filter((param) => param.in === location)
  const properties: JsonObject = {}
  for (const param of mine)
    properties[location === 'header' ? param.name.toLowerCase() : param.name] = parameterSchema(
      param,
      ctx,
    )
  const required = mine
    .filter((param) => param.required === true)
    .map((param) => (location === 'header' ? param.name.toLowerCase() : param.name))
  return { type: 'object', properties, required }
}

export function coerceLocation(
  params: SwaggerParameter[],
  location: ParameterLocation,
  values: Record<string, string>,
): JsonObject {
  const out: JsonObject = {}
  for (const param of params.filter((p) => p.in === location)) {
    const key = location === 'header' ? param.name.toLowerCase() : param.name
    const raw = values[key]
    if (raw !== undefined) out[key] = coerceParameter(param, raw)
  }
  return out
}
