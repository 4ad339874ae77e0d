import type { RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { RequestPriority } from '../../governor'

/** Runs one call through the workspace's governor (the adapter's single path to it). */
export type Governed = <T>(
  domain: RateDomain,
  priority: RequestPriority,
  call: () => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>
