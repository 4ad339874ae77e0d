import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../webhook-intake.js'
import { escapeSlack, NOT_CONFIGURED } from './answers.js'
import { parseCommandText, SlashCommandForm, type SlackCommand } from './command.js'
import { localAnswer, pageAlias, runCommand, type PagerDeps } from './pager.js'
import { checkResponseUrl, postFollowUp } from './response-url.js'
import { MAX_SKEW_SECONDS, verifySlackRequest } from './signature.js'

/** Slack's form posts are a few hundred bytes; this leaves room and nothing more. */
export const MAX_SLACK_BODY_BYTES = 64 * 1024

export interface SlackHandlerOptions {
  readonly signingSecret: string
  /** Absent without `--opsgenie-key-file`: commands answer that paging is not configured. */
  readonly paging?: PagerDeps & {
    /** Undefined when the key may be used now, else why not (said to the responder). */
    ready(): Promise<string | undefined>
  }
  /** Slack gives up after 3 s; whatever is not done by then is posted to `response_url`. */
  readonly replyWithinMs: number
  readonly allowLoopbackResponseUrl: boolean
  readonly now: () => number
}

interface Handled {
  readonly answer: Promise<string>
  readonly expires: number
  followUp: boolean
}

/**
 * `POST /slack/commands`. Every invocation is handled once: a retry or a replay of it (same
 * team and `trigger_id`, hence the same alias) is answered from the first one's work, and only
 * signed requests from the last five minutes are read, so the memory covers the whole window.
 */
export class SlackCommandHandler {
  private readonly handled = new Map<string, Handled>()

  constructor(private readonly options: SlackHandlerOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded')
      return sendJson(res, 415, { error: 'Content-Type must be application/x-www-form-urlencoded' })
    if (Number(req.headers['content-length'] ?? 0) > MAX_SLACK_BODY_BYTES) return tooLarge(req, res)
    const body = await readLimited(req)
    if (body === 'aborted') return
    if (body === 'too_large') return tooLarge(req, res)
    const now = this.options.now()
    const signed = verifySlackRequest(req.headers, body, this.options.signingSecret, now)
    if (!signed.ok) return sendJson(res, 401, { error: signed.reason })
    const form = SlashCommandForm.safeParse(
      Object.fromEntries(new URLSearchParams(body.toString('utf8'))),
    )
    if (!form.success)
      return sendJson(res, 400, { error: form.error.issues.map((i) => i.message).join('; ') })
    const responseUrl = checkResponseUrl(form.data.response_url, {
      allowLoopback: this.options.allowLoopbackResponseUrl,
    })
    if (typeof responseUrl === 'string') return sendJson(res, 400, { error: responseUrl })

    this.forget(now)
    const key = pageAlias(form.data)
    let entry = this.handled.get(key)
    const first = entry === undefined
    if (entry === undefined) {
      const command = parseCommandText(form.data.text)
      entry = {
        answer: this.run(command, form.data),
        expires: now + 2 * MAX_SKEW_SECONDS * 1000,
        followUp: false,
      }
      this.handled.set(key, entry)
    }
    const answer = entry.answer
    const inTime = await Promise.race([answer, wait(this.options.replyWithinMs)])
    if (inTime !== undefined) return ephemeral(res, inTime)
    ephemeral(
      res,
      ':hourglass: Working on it: Opsgenie is slow to answer, the result follows here.',
    )
    if (first && !entry.followUp) {
      entry.followUp = true
      await postFollowUp(responseUrl, await answer)
    }
  }

  private async run(command: SlackCommand, form: SlashCommandForm): Promise<string> {
    const paging = this.options.paging
    if (command.kind === 'help' || command.kind === 'invalid') return localAnswer(command)
    if (paging === undefined) return NOT_CONFIGURED
    const unavailable = await paging.ready()
    if (unavailable !== undefined) return `:warning: ${escapeSlack(unavailable)}`
    try {
      return await runCommand(command, form, paging)
    } catch (error) {
      console.error('relay: a Slack command failed', error)
      return ':warning: The relay failed while handling this command (see its log). Page from Opsgenie directly.'
    }
  }

  /** Drops invocations older than any timestamp the signature check still accepts. */
  private forget(now: number): void {
    for (const [key, entry] of this.handled) if (entry.expires < now) this.handled.delete(key)
  }
}

function ephemeral(res: ServerResponse, text: string): void {
  sendJson(res, 200, { response_type: 'ephemeral', text })
}

const wait = (ms: number): Promise<undefined> =>
  new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref())

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close')
  res.on('finish', () => req.socket.destroySoon())
  sendJson(res, 413, { error: `body exceeds ${MAX_SLACK_BODY_BYTES} bytes` })
}

function readLimited(req: IncomingMessage): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= MAX_SLACK_BODY_BYTES) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      resolve('too_large')
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => resolve('aborted'))
    req.on('close', () => resolve('aborted'))
  })
}
