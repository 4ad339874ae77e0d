import { SPEC_DEVIATIONS } from './deviations'
import { readSpec } from './spec-source'
import { createSpecValidator, type SpecValidator } from './validator'

export type { SpecDeviation, SpecPatch, SpecViolation, ViolationAllowance } from './deviation-types'
export type { RequestUnderTest, ResponseUnderTest, SpecValidator } from './validator'
export { createSpecValidator } from './validator'
export { SPEC_DEVIATIONS } from './deviations'
export { readSpec, specPath } from './spec-source'
export { formatViolations } from './format'

let cached: SpecValidator | undefined

/** The spec with the documented deviations; built once per process (the spec is 1.5 MB). */
export function loadSpecValidator(): SpecValidator {
  cached ??= createSpecValidator(readSpec(), SPEC_DEVIATIONS)
  return cached
}
