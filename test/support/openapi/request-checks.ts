import type { SchemaProblem } from './ajv-errors'
import type { OperationEntry } from './operation-index'
import { coerceLocation, locationSchema, type ParameterLocation } from './parameters'
import type { SchemaChecker } from './schema-checker'

export interface RequestUnderTest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
}

const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header']

export function isAbsent(body: unknown): boolean {
  return body === undefined || body === null || body === ''
}

export function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]),
  )
}

export function mediaTypeMatches(contentType: string | undefined, accepted: string[]): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase()
  return media !== undefined && accepted.some((type) => type.toLowerCase() === media)
}

/** The spec's only security scheme (`GenieKey`, an apiKey in `Authorization`) applies globally. */
function checkAuthorization(headers: Record<string, string>): SchemaProblem[] {
  const auth = headers['authorization']
  if (auth !== undefined && /^GenieKey \S+$/.test(auth)) return []
  const got = auth === undefined ? 'none' : JSON.stringify(auth)
  return [{ path: '/headers/authorization', message: `must be "GenieKey <apiKey>" (got ${got})` }]
}

/** Swagger allows undeclared query parameters; we do not, since Opsgenie ignores them silently. */
function checkParameters(
  entry: OperationEntry,
  req: RequestUnderTest,
  pathParams: Record<string, string>,
  checker: SchemaChecker,
): SchemaProblem[] {
  const declared = entry.parameters.filter((p) => p.in === 'query').map((p) => p.name)
  const problems: SchemaProblem[] = Object.keys(req.query)
    .filter((name) => !declared.includes(name))
    .map((name) => ({
      path: `/query/${name}`,
      message: `query parameter '${name}' is not defined by the spec (it defines: ${declared.join(', ') || 'none'})`,
    }))
  const values: Record<ParameterLocation, Record<string, string>> = {
    path: pathParams,
    query: req.query,
    header: lowerKeys(req.headers),
  }
  for (const location of PARAMETER_LOCATIONS) {
    const build = () => locationSchema(entry.parameters, location, checker.contexts.request)
    const data = coerceLocation(entry.parameters, location, values[location])
    problems.push(
      ...checker.check(
        `${entry.key} ${location}`,
        build,
        data,
        location === 'header' ? '/headers' : `/${location}`,
      ),
    )
  }
  return problems
}

function checkBody(
  entry: OperationEntry,
  req: RequestUnderTest,
  checker: SchemaChecker,
): SchemaProblem[] {
  const bodyParam = entry.parameters.find((p) => p.in === 'body')
  if (isAbsent(req.body))
    return bodyParam?.required === true
      ? [{ path: '/body', message: 'request body is required' }]
      : []
  if (entry.parameters.some((p) => p.in === 'formData')) return [] // multipart upload: not JSON, not checked
  if (bodyParam?.schema === undefined)
    return [{ path: '/body', message: 'the spec defines no request body for this operation' }]
  const contentType = lowerKeys(req.headers)['content-type']
  const problems: SchemaProblem[] = mediaTypeMatches(contentType, entry.consumes)
    ? []
    : [
        {
          path: '/headers/content-type',
          message: `must be one of ${entry.consumes.join(', ')} (got ${contentType ?? 'none'})`,
        },
      ]
  return [
    ...problems,
    ...checker.checkSwagger(`${entry.key} body`, bodyParam.schema, 'request', req.body, '/body'),
  ]
}

export function checkRequest(
  entry: OperationEntry,
  req: RequestUnderTest,
  pathParams: Record<string, string>,
  checker: SchemaChecker,
): SchemaProblem[] {
  return [
    ...checkAuthorization(lowerKeys(req.headers)),
    ...checkParameters(entry, req, pathParams, checker),
    ...checkBody(entry, req, checker),
  ]
}
