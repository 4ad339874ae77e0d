import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Credentials } from './credentials'

const MAX_BODY_BYTES = 4096

const SessionRequest = z.union([
  z.object({ launch: z.string().min(1).max(200) }).strict(),
  z.object({ session: z.string().min(1).max(200) }).strict(),
])

/** What the page shows when it cannot get a session; kept here so the server says it once. */
export const REFUSALS = {
  used:
    'This launch link was already used: each link opens Ondeck once. Use the tab it opened, ' +
    'or restart Ondeck (npm run web) for a new link.',
  unknown:
    'This launch link is not valid for the running Ondeck (was it restarted?): open the URL ' +
    'printed in the terminal.',
  session:
    'This tab’s session has ended (Ondeck was restarted): open the URL printed in the terminal.',
  body: 'A session request is JSON: {"launch": "<token>"} or {"session": "<secret>"}.',
} as const

/**
 * `POST /session`: exchanges the launch token (once) for a session secret, or confirms that a
 * session secret a reloaded tab kept is still valid. The caller has checked Host and Origin.
 */
export async function answerSession(
  req: IncomingMessage,
  res: ServerResponse,
  credentials: Credentials,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const reply = (status: number, body: object): void => {
    res
      .writeHead(status, { ...headers, 'Content-Type': 'application/json' })
      .end(JSON.stringify(body))
  }
  const text = await readBody(req)
  if (text === undefined) {
    res.setHeader('Connection', 'close') // the unread rest of the body must not be parsed as a request
    return reply(413, { error: REFUSALS.body })
  }
  let parsed: z.infer<typeof SessionRequest>
  try {
    parsed = SessionRequest.parse(JSON.parse(text))
  } catch {
    return reply(400, { error: REFUSALS.body })
  }
  if ('session' in parsed) {
    return credentials.sessionValid(parsed.session)
      ? reply(200, { session: parsed.session })
      : reply(401, { error: REFUSALS.session })
  }
  const exchange = credentials.exchange(parsed.launch)
  if (exchange.ok) return reply(200, { session: exchange.session })
  return exchange.reason === 'used'
    ? reply(410, { error: REFUSALS.used })
    : reply(401, { error: REFUSALS.unknown })
}

/** The request body as text, or `undefined` past the limit (the rest is not read). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
