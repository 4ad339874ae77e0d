import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GroupCommit } from './group-commit.js'
import type { RejectReason, RelayMetrics } from './metrics.js'
import { checkWebhookBody } from './payload.js'
import { digest } from './token-store.js'

export const WEBHOOK_SECRET_HEADER = 'X-Ondeck-Webhook-Secret'
export const MAX_BODY_BYTES = 1024 * 1024

export interface IntakeDeps {
  /** SHA-256 of the webhook secret: comparing equal-length digests keeps the check constant-time. */
  readonly secretDigest: Buffer
  /** The secret as it would appear inside a JSON string; see `withoutSecret`. */
  readonly secretInJson: string
  readonly commits: GroupCommit
  readonly metrics: RelayMetrics
  readonly now: () => number
}

/** `POST /webhooks/opsgenie`: answers 2xx only after the event's transaction has committed. */
export async function handleWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  deps: IntakeDeps,
): Promise<void> {
  const secret = req.headers[WEBHOOK_SECRET_HEADER.toLowerCase()]
  if (typeof secret !== 'string' || !timingSafeEqual(digest(secret), deps.secretDigest)) {
    return refuse(
      res,
      deps,
      401,
      'unauthorized',
      `missing or wrong ${WEBHOOK_SECRET_HEADER} header`,
    )
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return refuse(
      res,
      deps,
      415,
      'unsupported_media_type',
      'Content-Type must be application/json (optionally with charset=utf-8)',
    )
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return tooLarge(req, res, deps)
  const bytes = await readBody(req)
  if (bytes === 'too_large') return tooLarge(req, res, deps)
  if (bytes === 'aborted') return
  let raw: string
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return refuse(res, deps, 400, 'not_json', 'body is not valid UTF-8 JSON')
  }
  // The relay's own clock stamps every event: desktops order and clamp by it, not by the body.
  const receivedAt = deps.now()
  const check = checkWebhookBody(raw, receivedAt)
  if (!check.ok) return refuse(res, deps, check.status, check.metric, check.reason)
  try {
    const stored = await deps.commits.submit({
      ...check.value,
      receivedAt,
      payload: withoutSecret(raw, deps.secretInJson),
    })
    deps.metrics.received++
    if (stored.repeat) deps.metrics.repeats++
    sendJson(res, 200, { id: stored.id, repeat: stored.repeat, dedupKey: stored.dedupKey })
  } catch (error) {
    refuse(res, deps, 503, 'store_failed', `could not store the event: ${(error as Error).message}`)
  }
}

export const REDACTED_SECRET = '[redacted by ondeck relay]'

/**
 * Opsgenie has been seen echoing the integration's custom headers in the body (`headers` in the
 * Escalate fixture, API-NOTES 7.5), which would hand our webhook secret to every desktop. Such
 * bodies are stored with the secret's text replaced; every other body stays byte-identical.
 */
export function withoutSecret(raw: string, secretInJson: string): string {
  return raw.includes(secretInJson) ? raw.replaceAll(secretInJson, REDACTED_SECRET) : raw
}

/**
 * Opsgenie sends `application/json`. Refusing anything else keeps form posts from a browser
 * (which cannot set our secret header anyway) and mislabelled bodies out; the relay decodes
 * UTF-8 only, so another declared charset is refused rather than misread.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((param) => {
    const [name, value] = param.split('=').map((part) => part.trim())
    return name !== 'charset' || value?.replace(/^"(.*)"$/, '$1') === 'utf-8'
  })
}

/** Buffers the body up to the limit; past it, stops reading and reports `too_large`. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData)
        req.pause()
        resolve('too_large')
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks, size)))
    // The sender hung up mid-body: nobody is left to answer (the first resolve wins after 'end').
    req.on('error', () => resolve('aborted'))
    req.on('close', () => resolve('aborted'))
  })
}

/** Answers, then closes the connection rather than draining the rest of an oversized body. */
function tooLarge(req: IncomingMessage, res: ServerResponse, deps: IntakeDeps): void {
  res.setHeader('Connection', 'close')
  res.on('finish', () => req.socket.destroySoon())
  refuse(res, deps, 413, 'too_large', `body exceeds ${MAX_BODY_BYTES} bytes`)
}

function refuse(
  res: ServerResponse,
  deps: IntakeDeps,
  status: number,
  reason: RejectReason,
  message: string,
): void {
  deps.metrics.reject(reason)
  sendJson(res, status, { error: message })
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}
