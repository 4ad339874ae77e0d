import { gzipSync } from 'node:zlib'

export interface TarEntry {
  /** A relative path with `/` separators, ASCII, at most 100 characters. */
  readonly name: string
  readonly content: string | Uint8Array
  /** Seconds since the epoch. */
  readonly mtime?: number
}

const BLOCK = 512

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`
}

function header(name: string, size: number, mtime: number): Buffer {
  if (!/^[\x20-\x7e]{1,100}$/.test(name) || name.startsWith('/') || name.split('/').includes('..'))
    throw new Error(`tar entry name not allowed: ${JSON.stringify(name)}`)
  const block = Buffer.alloc(BLOCK)
  block.write(name, 0, 100, 'ascii')
  block.write(octal(0o644, 8), 100, 'ascii') // mode
  block.write(octal(0, 8), 108, 'ascii') // uid
  block.write(octal(0, 8), 116, 'ascii') // gid
  block.write(octal(size, 12), 124, 'ascii')
  block.write(octal(mtime, 12), 136, 'ascii')
  block.fill(' ', 148, 156) // checksum counts as spaces while it is computed
  block.write('0', 156, 'ascii') // regular file
  block.write('ustar\0', 257, 'ascii')
  block.write('00', 263, 'ascii')
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
  return block
}

/**
 * A ustar archive of regular files, enough for a diagnostics bundle that `tar -xzf` and every
 * archive tool opens; written here rather than pulled in as a dependency (it is 40 lines).
 */
export function tar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = []
  const now = Math.floor(Date.now() / 1000)
  for (const entry of entries) {
    const body =
      typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content
    parts.push(header(entry.name, body.length, entry.mtime ?? now), Buffer.from(body))
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK
    if (pad > 0) parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(BLOCK * 2)) // end of archive
  return Buffer.concat(parts)
}

export function tarGz(entries: readonly TarEntry[]): Buffer {
  return gzipSync(tar(entries))
}
