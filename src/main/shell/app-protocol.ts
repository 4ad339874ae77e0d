import { protocol } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The renderer's own origin, `app://ondeck`. Electron grants every `file:` page the same
 * privileges, so a page loaded from a file (a dropped HTML file, say) would pass for the app; a
 * dedicated scheme gives the app one exact origin that no file, download or website can take.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'ondeck'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The desktop window's policy: only its own files, no WebSocket (IPC goes through the preload). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The ingest worker (src/renderer/src/ingest), a module script of the bundle.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
}

/**
 * Must run before `app` is ready (Electron's rule). `standard` gives the scheme real origins (so
 * 'self' in the CSP and same-origin checks mean `app://ondeck`), `secure` makes it a secure
 * context, `supportFetchAPI` lets the page fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** True only for `app://ondeck/...`: no credentials, no port, no look-alike host or scheme. */
export function isAppUrl(url: string): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  return (
    target.protocol === `${APP_SCHEME}:` &&
    target.host === APP_HOST &&
    target.username === '' &&
    target.password === ''
  )
}

/** Serves the built renderer folder on the app scheme (after ready). */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(root))
}

function answer(status: number, body: string | Buffer, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  })
}

/**
 * Answers one request for a file under `root`. Anything that would resolve outside it (`..`,
 * encoded `%2e%2e%2f`, a backslash on Windows, an absolute path) is refused before the disk is
 * touched, as is any host but `ondeck` and any method but GET/HEAD.
 */
export function appRequestHandler(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root)
  return async (request) => {
    const notFound = (): Response => answer(404, 'not found', 'text/plain; charset=utf-8')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'method not allowed', 'text/plain; charset=utf-8')
    }
    if (!isAppUrl(request.url)) return notFound()
    let path: string
    try {
      path = decodeURIComponent(new URL(request.url).pathname)
    } catch {
      return notFound()
    }
    if (path.includes('\0')) return notFound()
    if (path === '' || path.endsWith('/')) path += 'index.html'
    const file = resolve(base, `.${sep}${path}`)
    const inside = relative(base, file)
    const escapes = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
    if (inside === '' || escapes) return notFound()
    try {
      if (!(await stat(file)).isFile()) return notFound()
      const body = await readFile(file)
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      return answer(200, body, type)
    } catch {
      return notFound()
    }
  }
}
