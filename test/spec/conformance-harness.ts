import type { Exchange } from '../../src/simulator/index'
import type { SpecValidator, SpecViolation } from '../support/openapi/index'

/**
 * Wraps a client API object so every method call is recorded as `<area>.<method>`; comparing the
 * record with `offeredMethods` is what catches a new client operation nobody validated.
 */
export function recordCalls<T extends object>(area: string, api: T, called: Set<string>): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string') return value
      return (...args: unknown[]): unknown => {
        called.add(`${area}.${property}`)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
}

export function offeredMethods(area: string, api: object): string[] {
  return Object.entries(api)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => `${area}.${name}`)
}

/** The simulator hands over the raw text when it answered before parsing (401, 429...). */
function parsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return body
  if (body.trim() === '') return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}

export function validateExchange(validator: SpecValidator, exchange: Exchange): SpecViolation[] {
  const {
    method,
    path,
    query,
    requestHeaders,
    requestBody,
    status,
    responseHeaders,
    responseBody,
  } = exchange
  return [
    ...validator.validateRequest({
      method,
      path,
      query,
      headers: requestHeaders,
      body: parsedBody(requestBody),
    }),
    ...validator.validateResponse({
      method,
      path,
      status,
      headers: responseHeaders,
      body: responseBody,
    }),
  ]
}

/** A violation the test provokes on purpose (an invalid body sent to get a 422). */
export interface ExpectedViolation {
  operation: string
  where: SpecViolation['where']
  pathPrefix: string
}

export function isExpected(
  violation: SpecViolation,
  expected: readonly ExpectedViolation[],
): boolean {
  return expected.some(
    (e) =>
      e.operation === violation.operation &&
      e.where === violation.where &&
      violation.path.startsWith(e.pathPrefix),
  )
}
