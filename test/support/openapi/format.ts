import type { SpecViolation } from './deviation-types'

/** One line per violation, grouped by operation, for assertion messages. */
export function formatViolations(violations: readonly SpecViolation[]): string {
  const byOperation = new Map<string, SpecViolation[]>()
  for (const violation of violations) {
    byOperation.set(violation.operation, [
      ...(byOperation.get(violation.operation) ?? []),
      violation,
    ])
  }
  return [...byOperation.entries()]
    .map(([operation, list]) =>
      [operation, ...list.map((v) => `  ${v.where} ${v.path || '(operation)'}: ${v.message}`)].join(
        '\n',
      ),
    )
    .join('\n')
}
