import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * An OpenAPI 3.0 validator for Atlassian's JSM Ops API description. The description's terms allow
 * no copy in this repository, so it is read from `../shared/jsm/` beside the checkout (the
 * project's shared folder); `jsmSpecPath()` says where, and `loadJsmSpec()` answers undefined
 * when it is missing so each test can fail (CI) or skip with that said (a user's machine).
 */
export const JSM_SPEC_PATH = resolve(import.meta.dirname, '../../../shared/jsm/jsm-ops.v3.json')

type Json = Record<string, unknown>

export interface JsmViolation {
  operation: string
  where: 'path' | 'query' | 'request-body' | 'status' | 'response-body'
  path: string
  message: string
}

export interface Deviation {
  id: string
  operation: string
  where: JsmViolation['where']
  /** The violation's `path` starts with this. */
  pathPrefix: string
  what: string
  why: string
  source: string
}

export interface JsmOperation {
  operationId: string
  method: string
  template: string
  op: Json
}

export function loadJsmSpec(path = JSM_SPEC_PATH): Json | undefined {
  if (!existsSync(path)) return undefined
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Json
  if (typeof spec.openapi !== 'string' || !spec.openapi.startsWith('3.'))
    throw new Error(`${path} is not an OpenAPI 3 document`)
  return spec
}

/** `/jsm/ops/api/{cloudId}/v1/...` on the wire is `/api/{cloudId}/v1/...` in the description. */
export const specPathOf = (wirePath: string): string | undefined =>
  wirePath.startsWith('/jsm/ops/api/') ? wirePath.slice('/jsm/ops'.length) : undefined

const rewriteRefs = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (typeof node !== 'object' || node === null) return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace(/^#\//, 'jsm#/')
    else if (k === 'example' || k === 'examples' || k.startsWith('x-')) continue
    else out[k] = rewriteRefs(v)
  }
  return out
}

export class JsmSpecValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false })
  private readonly compiled = new Map<string, ValidateFunction>()
  private readonly operations: JsmOperation[] = []

  constructor(private readonly spec: Json) {
    addFormats(this.ajv)
    for (const f of ['int32', 'int64'])
      this.ajv.addFormat(f, { type: 'number', validate: Number.isInteger })
    this.ajv.addSchema({ $id: 'jsm', components: rewriteRefs(spec.components) as Json })
    for (const [template, item] of Object.entries(spec.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
        const o = op as Json
        this.operations.push({
          operationId: String(o.operationId ?? `${method} ${template}`),
          method: method.toUpperCase(),
          template,
          op: {
            ...o,
            parameters: [
              ...(((item as Json).parameters as unknown[]) ?? []),
              ...((o.parameters as unknown[]) ?? []),
            ],
          },
        })
      }
    }
  }

  /** Rewrites one schema of the description (a deviation `patch`), before anything is compiled. */
  patchSchema(name: string, patch: (schema: Json) => Json): void {
    const schemas = (this.spec.components as Json).schemas as Json
    schemas[name] = patch(schemas[name] as Json)
    this.ajv.removeSchema('jsm')
    this.ajv.addSchema({ $id: 'jsm', components: rewriteRefs(this.spec.components) as Json })
    this.compiled.clear()
  }

  /** The operation for a method and description path; literal segments win over parameters. */
  match(method: string, path: string): JsmOperation | undefined {
    const segs = path.split('/').filter(Boolean)
    const scored = this.operations
      .filter((o) => o.method === method)
      .map((o) => {
        const parts = o.template.split('/').filter(Boolean)
        if (parts.length !== segs.length) return undefined
        let literals = 0
        for (let i = 0; i < parts.length; i += 1) {
          const p = parts[i] ?? ''
          if (p.startsWith('{') && p.endsWith('}')) continue
          if (p !== segs[i]) return undefined
          literals += 1
        }
        return { o, literals }
      })
      .filter((x): x is { o: JsmOperation; literals: number } => x !== undefined)
      .sort((a, b) => b.literals - a.literals)
    return scored[0]?.o
  }

  private check(key: string, schema: unknown, data: unknown): ErrorObject[] {
    let validate = this.compiled.get(key)
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Json)
      this.compiled.set(key, validate)
    }
    return validate(data) ? [] : (validate.errors ?? [])
  }

  validateRequest(op: JsmOperation, query: Record<string, string>, body: unknown): JsmViolation[] {
    const out: JsmViolation[] = []
    const params = (op.op.parameters as Json[]).filter((p) => p.in === 'query')
    for (const name of Object.keys(query)) {
      const p = params.find((x) => x.name === name)
      if (!p) {
        out.push({
          operation: op.operationId,
          where: 'query',
          path: name,
          message: `query parameter ${name} is not described`,
        })
        continue
      }
      const schema = p.schema as Json
      const raw = query[name] ?? ''
      // form style, explode: an array parameter's values arrive comma-separated or repeated
      const value =
        schema.type === 'array'
          ? raw.split(',')
          : schema.type === 'integer' || schema.type === 'number'
            ? Number(raw)
            : schema.type === 'boolean'
              ? raw === 'true'
                ? true
                : raw === 'false'
                  ? false
                  : raw
              : raw
      for (const e of this.check(`${op.operationId} q ${name}`, schema, value))
        out.push({
          operation: op.operationId,
          where: 'query',
          path: name,
          message: `${raw}: ${e.message ?? ''}`,
        })
    }
    for (const p of params)
      if (p.required === true && !(String(p.name) in query))
        out.push({
          operation: op.operationId,
          where: 'query',
          path: String(p.name),
          message: 'required query parameter missing',
        })
    const content = ((op.op.requestBody as Json | undefined)?.content as Json | undefined)?.[
      'application/json'
    ] as Json | undefined
    if (content === undefined) {
      if (body !== undefined)
        out.push({
          operation: op.operationId,
          where: 'request-body',
          path: '',
          message: 'the description takes no request body here',
        })
      return out
    }
    // Closed at the top: a field the description does not name is a client mistake.
    const schema = closeTop(this.resolve(content.schema as Json))
    for (const e of this.check(`${op.operationId} req`, schema, body))
      out.push({
        operation: op.operationId,
        where: 'request-body',
        path: e.instancePath,
        message: `${e.message ?? ''} ${JSON.stringify(e.params)}`,
      })
    return out
  }

  validateResponse(op: JsmOperation, status: number, body: unknown): JsmViolation[] {
    const responses = op.op.responses as Json
    const r = (responses[String(status)] ?? responses.default) as Json | undefined
    if (r === undefined)
      return [
        {
          operation: op.operationId,
          where: 'status',
          path: String(status),
          message: `status ${status} is not described (described: ${Object.keys(responses).join(', ')})`,
        },
      ]
    const schema = ((r.content as Json | undefined)?.['application/json'] as Json | undefined)
      ?.schema
    if (schema === undefined) return []
    return this.check(`${op.operationId} ${status}`, schema, body).map((e) => ({
      operation: op.operationId,
      where: 'response-body' as const,
      path: e.instancePath,
      message: `${e.message ?? ''} ${JSON.stringify(e.params)}`,
    }))
  }

  private resolve(schema: Json): Json {
    const ref = schema.$ref
    if (typeof ref !== 'string') return schema
    const name = ref.replace('#/components/schemas/', '')
    return ((this.spec.components as Json).schemas as Json)[name] as Json
  }
}

function closeTop(schema: Json): Json {
  return schema.type === 'object' &&
    schema.properties !== undefined &&
    schema.additionalProperties === undefined
    ? { ...schema, additionalProperties: false }
    : schema
}

export function jsmSpecMissingMessage(): string {
  return `JSM API description not found at ${JSM_SPEC_PATH} (the shared folder beside the checkout, ../shared/jsm/). Its terms allow no copy in this repository; conformance against it needs that folder.`
}

export { join }
