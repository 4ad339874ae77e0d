import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
}

export interface StaticFile {
  body: Buffer
  type: string
}

/**
 * Reads a file under `root` for a (percent-encoded) URL path. Anything that escapes the root, does
 * not decode (`/%`) or that the file system refuses (a NUL byte) is simply not found: this never
 * throws for any path a client can send.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  try {
    const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
    const full = normalize(join(root, relative))
    if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined
    if (!(await stat(full)).isFile()) return undefined
    return { body: await readFile(full), type: TYPES[extname(full)] ?? 'application/octet-stream' }
  } catch {
    return undefined
  }
}
