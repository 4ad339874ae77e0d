import type { z } from 'zod'

/**
 * Zod's issues on one line, `path: message; path: message` (`(root)` for the value itself), for
 * text that goes into a log line, an HTTP error body or an event's failure reason.
 * `z.prettifyError` says the same over several lines with markers, which suits a terminal, not
 * those.
 */
export function issuesLine(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
}
