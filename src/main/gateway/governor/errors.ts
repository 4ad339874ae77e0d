import type { RateDomain } from '@shared/opsgenie/rate-domains'
import type { RequestPriority } from './types'

/** A waiting acquire was aborted by its signal; named like fetch's so callers treat both alike. */
export class AcquireAbortedError extends Error {
  override readonly name = 'AbortError'

  constructor(
    readonly domain: RateDomain,
    readonly priority: RequestPriority,
    reason: unknown,
  ) {
    super(
      `rate governor: ${priority} request for domain "${domain}" was aborted before it was admitted`,
      { cause: reason },
    )
  }
}

/** The governor was disposed (workspace removed or app quitting) while the request waited. */
export class GovernorDisposedError extends Error {
  override readonly name = 'GovernorDisposedError'

  constructor(domain: RateDomain) {
    super(`rate governor: disposed; request for domain "${domain}" was not admitted`)
  }
}
