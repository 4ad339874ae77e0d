import { convertSchema, definitionRef, type ConvertContext } from './schema-converter'
import { isJsonObject, type JsonObject, type SwaggerSpec } from './spec-types'

interface Subtype {
  name: string
  value: string
}

function subtypesOf(spec: SwaggerSpec, parent: string): Subtype[] {
  const ref = `#/definitions/${parent}`
  return Object.entries(spec.definitions)
    .filter(
      ([, def]) =>
        Array.isArray(def['allOf']) &&
        def['allOf'].some((m) => isJsonObject(m) && m['$ref'] === ref),
    )
    .map(([name, def]) => ({
      name,
      value: typeof def['x-discriminator-value'] === 'string' ? def['x-discriminator-value'] : name,
    }))
}

/**
 * Swagger 2.0 `discriminator`: the property's value names the subtype (its `x-discriminator-value`,
 * else its definition name), and the object must match that subtype. Subtypes extend the parent
 * through `allOf`, so they point at the parent's `__base` to avoid looping back into the dispatch.
 */
function discriminatedWrapper(
  spec: SwaggerSpec,
  ctx: ConvertContext,
  name: string,
  property: string,
  closed: boolean,
): JsonObject {
  const dispatch = subtypesOf(spec, name).map((sub) => ({
    if: { properties: { [property]: { const: sub.value } }, required: [property] },
    then: { $ref: definitionRef(ctx, sub.name, false) },
  }))
  const wrapper: JsonObject = {
    allOf: [{ $ref: `${ctx.rootId}#/definitions/${name}__base` }, ...dispatch],
  }
  if (ctx.mode === 'request' && closed) wrapper['unevaluatedProperties'] = false
  return wrapper
}

/** One Ajv root schema holding every definition, in the variants the mode needs (see converter). */
export function buildDefinitionsRoot(spec: SwaggerSpec, ctx: ConvertContext): JsonObject {
  const mode = ctx.mode
  const definitions: JsonObject = {}
  for (const [name, def] of Object.entries(spec.definitions)) {
    const property = def['discriminator']
    const variants: [string, boolean][] =
      mode === 'request'
        ? [
            [name, true],
            [`${name}__open`, false],
          ]
        : [[name, false]]
    if (typeof property === 'string') {
      definitions[`${name}__base`] = convertSchema(def, ctx, false)
      for (const [key, closed] of variants)
        definitions[key] = discriminatedWrapper(spec, ctx, name, property, closed)
    } else {
      for (const [key, closed] of variants) definitions[key] = convertSchema(def, ctx, closed)
    }
  }
  return { $id: ctx.rootId, definitions }
}

export function discriminatedDefinitions(spec: SwaggerSpec): Set<string> {
  return new Set(
    Object.entries(spec.definitions)
      .filter(([, def]) => typeof def['discriminator'] === 'string')
      .map(([name]) => name),
  )
}
