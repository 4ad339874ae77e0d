import type { SwaggerSpec } from './spec-types'

export interface SpecViolation {
  /** `POST /v2/alerts`, with the path template when one matched. */
  operation: string
  where: 'request' | 'response'
  /** JSON-pointer-ish: `/body/responders/0/type`, `/query/limit`, `/headers/content-type`, `/status`. */
  path: string
  message: string
}

interface DeviationBase {
  /** Stable name, cited by docs/spec-deviations.md. */
  id: string
  /** The operation it concerns, as violations name it: `POST /v1/incidents/create`. */
  operation: string
  what: string
  why: string
  /** Where the real behaviour is recorded, e.g. `API-NOTES.md §4 "Add responders body"`. */
  source: string
}

/** Corrects the spec before anything is compiled, so the corrected shape is still validated. */
export interface SpecPatch extends DeviationBase {
  kind: 'patch'
  apply: (spec: SwaggerSpec) => void
}

/** Accepts exactly one kind of violation (operation + side + path, optionally its message). */
export interface ViolationAllowance extends DeviationBase {
  kind: 'allow'
  where: SpecViolation['where']
  path: string
  message?: RegExp
}

export type SpecDeviation = SpecPatch | ViolationAllowance

export function isAllowed(violation: SpecViolation, allowance: ViolationAllowance): boolean {
  return (
    violation.operation === allowance.operation &&
    violation.where === allowance.where &&
    violation.path === allowance.path &&
    (allowance.message === undefined || allowance.message.test(violation.message))
  )
}
