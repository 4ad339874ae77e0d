import type { OndeckApi } from '../../../shared/ipc/api'

/** The contract's limit for one renderer line (`RendererLogInput`). */
const MAX_MESSAGE = 4_000

type LogApi = Pick<OndeckApi, 'log'>

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`
  return typeof reason === 'string' ? reason : (JSON.stringify(reason) ?? String(reason))
}

/**
 * Sends the page's uncaught errors and rejected promises to main's log (`log:write`), so an
 * exported archive shows what went wrong in the window too. Fire and forget: a refused or lost
 * line is not worth a second error. Main rate-limits and scrubs; the page sends text only.
 */
export function forwardErrorsToMainLog(target: Window, api: LogApi): () => void {
  const send = (message: string): void => {
    const text = message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE) : message
    if (text.length === 0) return
    void api.log.write({ level: 'error', message: text }).catch(() => undefined)
  }
  const onError = (event: ErrorEvent): void => {
    const where = event.filename ? ` (${event.filename}:${event.lineno}:${event.colno})` : ''
    send(`uncaught ${event.error instanceof Error ? describe(event.error) : event.message}${where}`)
  }
  const onRejection = (event: PromiseRejectionEvent): void => {
    send(`unhandled rejection ${describe(event.reason)}`)
  }
  target.addEventListener('error', onError)
  target.addEventListener('unhandledrejection', onRejection)
  return () => {
    target.removeEventListener('error', onError)
    target.removeEventListener('unhandledrejection', onRejection)
  }
}
