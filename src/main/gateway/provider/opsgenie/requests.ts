import { isOpsgenieError, OpsgenieError } from './errors'
import type { Http } from './http'
import { dataEnvelope } from './schemas/common'
import { ProcessedRequest, type RequestStatus } from './schemas/request-status'

export interface WaitOptions {
  /** Give up after this long (default 30 s). */
  readonly timeoutMs?: number
  /** Pause between polls (default 500 ms). */
  readonly intervalMs?: number
}

export interface RequestsApi {
  requestStatus(requestId: string): Promise<RequestStatus>
  /** Polls until processed; resolves even when `isSuccess` is false (a business failure), throws `timeout` if never processed. */
  waitForRequest(
    requestId: string,
    options?: WaitOptions,
  ): Promise<Extract<RequestStatus, { state: 'processed' }>>
}

const StatusEnvelope = dataEnvelope(ProcessedRequest)

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Writes are asynchronous: a 202 only means "queued"; this follows a request id to its outcome. */
export function createRequestsApi(http: Http, prefix: '/v2/alerts' | '/v1/incidents'): RequestsApi {
  async function requestStatus(requestId: string): Promise<RequestStatus> {
    if (requestId.trim() === '') {
      throw new OpsgenieError({
        kind: 'invalid',
        origin: 'client',
        operation: 'client',
        errors: { requestId: 'is required' },
        message: 'invalid request id: requestId: is required',
      })
    }
    try {
      const answer = await http.send({
        method: 'GET',
        path: `${prefix}/requests/${encodeURIComponent(requestId)}`,
        schema: StatusEnvelope,
      })
      return { state: 'processed', ...answer.data }
    } catch (error) {
      if (
        isOpsgenieError(error, 'not-found') &&
        error.failure.kind === 'not-found' &&
        error.failure.errorType === 'RequestNotProcessed'
      ) {
        return { state: 'pending', requestId }
      }
      throw error
    }
  }

  async function waitForRequest(
    requestId: string,
    options: WaitOptions = {},
  ): Promise<Extract<RequestStatus, { state: 'processed' }>> {
    const timeoutMs = options.timeoutMs ?? 30_000
    const intervalMs = options.intervalMs ?? 500
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const current = await requestStatus(requestId)
      if (current.state === 'processed') return current
      if (Date.now() + intervalMs > deadline) {
        throw new OpsgenieError({
          kind: 'timeout',
          timeoutMs,
          operation: `GET ${prefix}/requests/${requestId}`,
          requestId,
          message: `Opsgenie had not processed request ${requestId} after ${timeoutMs} ms; it may still be applied later.`,
        })
      }
      await pause(intervalMs)
    }
  }

  return { requestStatus, waitForRequest }
}
