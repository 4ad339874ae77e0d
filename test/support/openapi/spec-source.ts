import { existsSync, readFileSync } from 'node:fs'
import { OPSGENIE_SPEC } from '../../fixtures/opsgenie/paths'
import { isJsonObject, type SwaggerSpec } from './spec-types'

/** The repository's own copy (test/fixtures/opsgenie), so any checkout validates on its own. */
export function specPath(): string {
  return OPSGENIE_SPEC
}

/** Reads a fresh copy each call: deviation patches mutate it, so callers must not share one. */
export function readSpec(path: string = specPath()): SwaggerSpec {
  if (!existsSync(path)) throw new Error(`Opsgenie spec not found at ${path}`)
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!isJsonObject(parsed) || parsed['swagger'] !== '2.0' || !isJsonObject(parsed['paths'])) {
    throw new Error(`${path} is not a Swagger 2.0 document`)
  }
  return parsed as unknown as SwaggerSpec
}
