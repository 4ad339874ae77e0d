/**
 * Draws Ondeck's icons with plain Node (no image packages): each shape is a coverage function,
 * supersampled for smooth edges, encoded as an RGBA PNG with zlib. The PNGs are committed;
 * run `npx tsx resources/draw-icons.ts` again after changing a colour or a shape.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

type Rgba = readonly [number, number, number, number]
/** A layer: its colour where `inside(x, y)` holds, in unit coordinates (0..1). */
interface Layer {
  readonly colour: Rgba
  inside(x: number, y: number): boolean
}

const disc = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ring = (r1: number, r2: number) => (x: number, y: number) =>
  disc(0.5, 0.5, r2)(x, y) && !disc(0.5, 0.5, r1)(x, y)
const box = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1
const roundedSquare = (r: number) => (x: number, y: number) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0)
  return dx * dx + dy * dy <= r * r
}

const GREEN: Rgba = [46, 157, 91, 255]
const AMBER: Rgba = [232, 163, 23, 255]
const RED: Rgba = [217, 48, 37, 255]
const GREY: Rgba = [128, 134, 139, 255]
const WHITE: Rgba = [255, 255, 255, 255]
const NAVY: Rgba = [31, 42, 68, 255]

/** all clear: green disc; open alerts: amber disc with a dot; P1: red disc with "!"; offline: grey ring. */
const TRAY: Record<string, Layer[]> = {
  clear: [{ colour: GREEN, inside: disc(0.5, 0.5, 0.44) }],
  open: [
    { colour: AMBER, inside: disc(0.5, 0.5, 0.44) },
    { colour: WHITE, inside: disc(0.5, 0.5, 0.14) },
  ],
  p1: [
    { colour: RED, inside: disc(0.5, 0.5, 0.47) },
    { colour: WHITE, inside: box(0.43, 0.18, 0.57, 0.6) },
    { colour: WHITE, inside: disc(0.5, 0.75, 0.08) },
  ],
  offline: [{ colour: GREY, inside: ring(0.26, 0.42) }],
}

const APP: Layer[] = [
  { colour: NAVY, inside: roundedSquare(0.2) },
  { colour: WHITE, inside: ring(0.24, 0.32) },
  { colour: RED, inside: disc(0.5, 0.5, 0.12) },
]

function render(layers: Layer[], size: number, samples = 4): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          const top = layers.findLast((layer) => layer.inside(x, y))
          if (top === undefined) continue
          const [cr, cg, cb, ca] = top.colour
          r += cr * ca
          g += cg * ca
          b += cb * ca
          a += ca
        }
      }
      const offset = (py * size + px) * 4
      pixels.set(
        a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a / (samples * samples)].map(Math.round),
        offset,
      )
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** PNG: signature, IHDR (8-bit RGBA), one IDAT of filter-0 scanlines, IEND. */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const here = import.meta.dirname
mkdirSync(join(here, 'tray'), { recursive: true })
for (const [name, layers] of Object.entries(TRAY)) {
  writeFileSync(join(here, 'tray', `${name}.png`), encodePng(render(layers, 16), 16))
  writeFileSync(join(here, 'tray', `${name}@2x.png`), encodePng(render(layers, 32), 32))
}
writeFileSync(join(here, 'icon.png'), encodePng(render(APP, 512, 2), 512))
