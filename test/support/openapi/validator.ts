import type { SchemaProblem } from './ajv-errors'
import {
  isAllowed,
  type SpecDeviation,
  type SpecViolation,
  type ViolationAllowance,
} from './deviation-types'
import { createOperationIndex, type OperationEntry } from './operation-index'
import { checkRequest, type RequestUnderTest } from './request-checks'
import { checkResponse, type ResponseUnderTest } from './response-checks'
import { createSchemaChecker } from './schema-checker'
import type { SwaggerSpec } from './spec-types'

export type { RequestUnderTest } from './request-checks'
export type { ResponseUnderTest } from './response-checks'

export interface SpecValidator {
  matchOperation(
    method: string,
    path: string,
  ): { operationId: string; template: string } | undefined
  validateRequest(req: RequestUnderTest): SpecViolation[]
  validateResponse(res: ResponseUnderTest): SpecViolation[]
  /** Ids of deviations that applied to something validated so far (to spot stale entries). */
  deviationsUsed(): ReadonlySet<string>
}

/**
 * Patches are applied to `spec` (so pass a fresh copy from `readSpec`); allowances filter the
 * violations afterwards. Nothing else is ever ignored.
 */
export function createSpecValidator(
  spec: SwaggerSpec,
  deviations: readonly SpecDeviation[],
): SpecValidator {
  const patches = deviations.filter((d) => d.kind === 'patch')
  const allowances = deviations.filter((d): d is ViolationAllowance => d.kind === 'allow')
  for (const patch of patches) patch.apply(spec)
  const resolve = createOperationIndex(spec)
  const checker = createSchemaChecker(spec)
  const used = new Set<string>()

  const finish = (
    operation: string,
    where: SpecViolation['where'],
    problems: SchemaProblem[],
  ): SpecViolation[] => {
    for (const patch of patches) if (patch.operation === operation) used.add(patch.id)
    return problems
      .map((problem) => ({ operation, where, ...problem }))
      .filter((violation) => {
        const allowance = allowances.find((a) => isAllowed(violation, a))
        if (allowance !== undefined) used.add(allowance.id)
        return allowance === undefined
      })
  }
  const run = (
    method: string,
    path: string,
    where: SpecViolation['where'],
    check: (entry: OperationEntry, pathParams: Record<string, string>) => SchemaProblem[],
  ): SpecViolation[] => {
    const resolution = resolve(method, path)
    if (!resolution.ok)
      return finish(resolution.key, where, [{ path: '', message: resolution.message }])
    return finish(resolution.entry.key, where, check(resolution.entry, resolution.pathParams))
  }

  return {
    matchOperation(method, path) {
      const resolution = resolve(method, path)
      return resolution.ok
        ? { operationId: resolution.entry.operationId, template: resolution.entry.template }
        : undefined
    },
    validateRequest: (req) =>
      run(req.method, req.path, 'request', (entry, pathParams) =>
        checkRequest(entry, req, pathParams, checker),
      ),
    validateResponse: (res) =>
      run(res.method, res.path, 'response', (entry) => checkResponse(spec, entry, res, checker)),
    deviationsUsed: () => used,
  }
}
