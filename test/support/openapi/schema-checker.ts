import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'
import { toProblems, type SchemaProblem } from './ajv-errors'
import { buildDefinitionsRoot, discriminatedDefinitions } from './definitions'
import { convertSchema, type ConvertContext, type SchemaMode } from './schema-converter'
import type { JsonObject, SwaggerSpec } from './spec-types'

export interface SchemaChecker {
  readonly contexts: Readonly<Record<SchemaMode, ConvertContext>>
  /** Compiles `build()` once per `cacheKey` (lazily: most of the spec's 176 operations go unused). */
  check(cacheKey: string, build: () => JsonObject, data: unknown, prefix: string): SchemaProblem[]
  /** A Swagger schema as found in the spec (body or response), converted for `mode`. */
  checkSwagger(
    cacheKey: string,
    schema: JsonObject,
    mode: SchemaMode,
    data: unknown,
    prefix: string,
  ): SchemaProblem[]
}

export function createSchemaChecker(spec: SwaggerSpec): SchemaChecker {
  // strictSchema stays on: an unknown keyword reaching Ajv means the converter missed a case.
  const ajv = new Ajv2019({
    allErrors: true,
    verbose: true,
    strictTypes: false,
    strictRequired: false,
  })
  addFormats(ajv)
  const discriminated = discriminatedDefinitions(spec)
  const contexts: Record<SchemaMode, ConvertContext> = {
    request: { mode: 'request', discriminated, rootId: 'spec-request' },
    response: { mode: 'response', discriminated, rootId: 'spec-response' },
  }
  for (const ctx of Object.values(contexts)) ajv.addSchema(buildDefinitionsRoot(spec, ctx))
  const compiled = new Map<string, ValidateFunction>()

  const check = (
    cacheKey: string,
    build: () => JsonObject,
    data: unknown,
    prefix: string,
  ): SchemaProblem[] => {
    let validate = compiled.get(cacheKey)
    if (validate === undefined) {
      validate = ajv.compile(build())
      compiled.set(cacheKey, validate)
    }
    return validate(data) ? [] : toProblems(prefix, validate.errors)
  }
  return {
    contexts,
    check,
    checkSwagger: (cacheKey, schema, mode, data, prefix) =>
      check(`${mode} ${cacheKey}`, () => convertSchema(schema, contexts[mode], true), data, prefix),
  }
}
