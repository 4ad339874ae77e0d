import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { isJsonObject, type SwaggerSpec } from './spec-types'

const SPEC_FROM_REPO = join('..', 'shared', 'opsgenie', 'swagger-with-services.json')

/**
 * The repo is `/work/main` locally but another folder in CI, with `shared/` beside it in both
 * cases; so we walk up from this file to the folder holding package.json and step to its sibling.
 */
export function specPath(): string {
  let dir = import.meta.dirname
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json above ${import.meta.dirname}`)
    dir = parent
  }
  return resolve(dir, SPEC_FROM_REPO)
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
