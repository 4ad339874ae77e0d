/**
 * Browser mode's credentials, page side. The launch URL carries a single-use token in its fragment
 * (`/launch#launch=<token>&demo`): fragments are never sent to a server nor in a Referer, and the
 * page takes it out of the address bar before anything else runs, then trades it once for a
 * session secret that stays in this tab (sessionStorage, so a reload keeps it and no other tab,
 * port or site sees it). The secret is offered as a WebSocket subprotocol, the server's only door
 * to main.
 */

const SESSION_KEY = 'ondeck.browser-session'
const LAUNCH_PARAM = 'launch='
/** Must match the server's (src/main/web/server.ts); the e2e suite proves they do. */
const IPC_PROTOCOL = 'ondeck.v1'
const SESSION_PROTOCOL_PREFIX = 'ondeck.session.'

const NO_CREDENTIAL =
  'Ondeck browser mode: open the URL printed in the terminal; it carries this launch’s link.'

export type BrowserSession =
  { readonly ok: true; readonly session: string } | { readonly ok: false; readonly message: string }

/**
 * Removes `launch=<token>` from the fragment (keeping the rest, such as `demo`) and answers the
 * token. The URL becomes `/`, so a later launch URL (`/launch#...`) is a new document, not a
 * fragment change this page would ignore.
 */
export function takeLaunchToken(
  location: Pick<Location, 'hash'>,
  history: Pick<History, 'replaceState'>,
): string | undefined {
  const parts = location.hash.replace(/^#/, '').split('&')
  const launch = parts.find((part) => part.startsWith(LAUNCH_PARAM))
  if (launch === undefined) return undefined
  const rest = parts.filter((part) => part !== launch && part !== '').join('&')
  history.replaceState(null, '', rest === '' ? '/' : `/#${rest}`)
  return launch.slice(LAUNCH_PARAM.length)
}

/**
 * Exchanges the launch token for this tab's session, or (no token: a reload) checks the session
 * the tab kept. A refusal carries the server's sentence, which says what to do.
 */
export async function obtainSession(
  launch: string | undefined,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  post: typeof fetch = (input, init) => fetch(input, init),
): Promise<BrowserSession> {
  const kept = storage.getItem(SESSION_KEY)
  const body = launch !== undefined ? { launch } : kept !== null ? { session: kept } : undefined
  if (body === undefined) return { ok: false, message: NO_CREDENTIAL }
  let response: Response
  try {
    response = await post('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    return { ok: false, message: 'Ondeck is not running: start it again (npm run web).' }
  }
  const answer = (await response.json().catch(() => ({}))) as { session?: unknown; error?: unknown }
  if (response.ok && typeof answer.session === 'string') {
    storage.setItem(SESSION_KEY, answer.session)
    return { ok: true, session: answer.session }
  }
  return {
    ok: false,
    message:
      typeof answer.error === 'string' ? answer.error : `Ondeck refused (${response.status})`,
  }
}

/** The subprotocols the IPC WebSocket offers: the version, and the session as credential. */
export function sessionProtocols(session: string): string[] {
  return [IPC_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${session}`]
}
