/**
 * The slice of Swagger 2.0 the validator reads. Schemas stay `JsonObject`: they are rewritten into
 * JSON Schema by `schema-converter.ts`, so typing every Swagger keyword here would buy nothing.
 */
export type JsonObject = Record<string, unknown>

export interface SwaggerParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'body' | 'formData'
  required?: boolean
  type?: string
  format?: string
  enum?: unknown[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  items?: JsonObject
  collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi'
  schema?: JsonObject
}

export type ParameterOrRef = SwaggerParameter | { $ref: string }

export interface SwaggerResponse {
  description?: string
  schema?: JsonObject
  headers?: Record<string, JsonObject>
}

export interface SwaggerOperation {
  operationId?: string
  consumes?: string[]
  produces?: string[]
  parameters?: ParameterOrRef[]
  responses: Record<string, SwaggerResponse | { $ref: string }>
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export type SwaggerPathItem = Partial<Record<HttpMethod, SwaggerOperation>> & {
  parameters?: ParameterOrRef[]
}

export interface SwaggerSpec {
  swagger: string
  basePath?: string
  consumes?: string[]
  produces?: string[]
  paths: Record<string, SwaggerPathItem>
  parameters?: Record<string, SwaggerParameter>
  responses?: Record<string, SwaggerResponse>
  definitions: Record<string, JsonObject>
}

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value)
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
