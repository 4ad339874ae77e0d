import type { SchemaProblem } from './ajv-errors'
import type { OperationEntry } from './operation-index'
import { isAbsent, lowerKeys, mediaTypeMatches } from './request-checks'
import type { SchemaChecker } from './schema-checker'
import type { SwaggerResponse, SwaggerSpec } from './spec-types'

export interface ResponseUnderTest {
  method: string
  path: string
  status: number
  headers: Record<string, string>
  body: unknown
}

interface PickedResponse {
  response: SwaggerResponse
  /** Shared `#/responses/X` entries compile once for every operation using them. */
  cacheKey: string
}

/**
 * Every operation has a `default` (GeneralError); taking it for an unlisted 2xx would let a wrong
 * success status (201 for an async 202) pass as an "error", so success statuses must be listed.
 */
function pickResponse(
  spec: SwaggerSpec,
  entry: OperationEntry,
  status: number,
): PickedResponse | undefined {
  const responses = entry.operation.responses
  const code =
    responses[String(status)] !== undefined
      ? String(status)
      : status >= 200 && status < 300
        ? undefined
        : 'default'
  const chosen = code === undefined ? undefined : responses[code]
  if (chosen === undefined) return undefined
  if (!('$ref' in chosen)) return { response: chosen, cacheKey: `${entry.key} ${code ?? ''}` }
  const response = spec.responses?.[chosen.$ref.replace('#/responses/', '')]
  return response === undefined ? undefined : { response, cacheKey: chosen.$ref }
}

export function checkResponse(
  spec: SwaggerSpec,
  entry: OperationEntry,
  res: ResponseUnderTest,
  checker: SchemaChecker,
): SchemaProblem[] {
  const picked = pickResponse(spec, entry, res.status)
  if (picked === undefined) {
    const listed = Object.keys(entry.operation.responses).join(', ')
    return [
      {
        path: '/status',
        message: `status ${res.status} is not documented (the spec lists ${listed})`,
      },
    ]
  }
  const { schema } = picked.response
  // Only JSON answers are checked: the two .ics exports are calendars, not the declared base64.
  if (schema === undefined || !entry.produces.some((type) => type.includes('json'))) return []
  const contentType = lowerKeys(res.headers)['content-type']
  const problems: SchemaProblem[] = mediaTypeMatches(contentType, entry.produces)
    ? []
    : [
        {
          path: '/headers/content-type',
          message: `must be one of ${entry.produces.join(', ')} (got ${contentType ?? 'none'})`,
        },
      ]
  if (isAbsent(res.body))
    return [...problems, { path: '/body', message: `status ${res.status} must have a JSON body` }]
  return [
    ...problems,
    ...checker.checkSwagger(picked.cacheKey, schema, 'response', res.body, '/body'),
  ]
}
