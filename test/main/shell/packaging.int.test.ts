import { execFile } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { extractFile, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Packs the app with electron-builder itself (`--linux dir`, the repo's electron-builder.json)
 * and reads what it wrote. The Electron binary cannot be downloaded here, so `electronDist` is a
 * stand-in holding only the fuse wire @electron/fuses looks for: what is packed, what is unpacked,
 * app-update.yml and the fuses are electron-builder's real output; only the executable is fake.
 * Needs `npx electron-vite build` first (it packs out/ as it is).
 */
const root = join(import.meta.dirname, '../../..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron 40's defaults, in @electron/fuses' order; '0' off, '1' on. */
const STOCK_FUSES = '10110001'
const FEED = 'https://updates.test.invalid/ondeck'

let work: string
let app: string
let asar: string
let packed: string[]

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    throw new Error('out/main is missing: run `npx electron-vite build` before this test')
  }
  work = mkdtempSync(join(tmpdir(), 'ondeck-pack-'))
  const electron = join(work, 'electron-dist')
  const binary = join(electron, 'electron')
  mkdirSync(electron)
  writeFileSync(binary, `stand-in for Electron\n${SENTINEL}\u0001\u0008${STOCK_FUSES}\n`)
  chmodSync(binary, 0o755)
  const output = join(work, 'dist')
  await promisify(execFile)(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electron}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, env: { ...process.env, ONDECK_UPDATE_URL: FEED }, maxBuffer: 16 << 20 },
  )
  app = join(output, 'linux-unpacked')
  asar = join(app, 'resources/app.asar')
  packed = listPackage(asar, { isPack: false }).map((p) => p.replace(/^\//, ''))
}, 180_000)

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

/** Top-level packages under node_modules in the archive (scoped ones as `@scope/name`). */
function shippedModules(): Set<string> {
  const names = packed
    .map((p) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(p)?.[1])
    .filter((n): n is string => n !== undefined)
  return new Set(names)
}

function packageJson(name: string): { dependencies?: Record<string, string> } {
  return JSON.parse(extractFile(asar, `node_modules/${name}/package.json`).toString('utf8'))
}

/** Bare module names a bundle imports or requires (electron-vite output: ESM with createRequire). */
function bareImports(source: string): string[] {
  const found = new Set<string>()
  const forms = [
    /\bfrom\s*["']([^"'./\s][^"'\s]*)["']/g,
    /\bimport\s*\(\s*["']([^"'./\s][^"'\s]*)["']\s*\)/g,
    /\b(?:require|__require)\s*\(\s*["']([^"'./\s][^"'\s]*)["']\s*\)/g,
    /^\s*import\s*["']([^"'./\s][^"'\s]*)["']/gm,
  ]
  for (const form of forms) for (const m of source.matchAll(form)) if (m[1]) found.add(m[1])
  return [...found].map((spec) =>
    spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
  )
}

describe('the packed desktop app (electron-builder --dir)', () => {
  it('holds the built main, preload and renderer and nothing else of the repo', () => {
    const own = packed.filter((p) => !p.startsWith('node_modules'))
    const files = own.filter((p) => /\.[a-z0-9]+$/i.test(p))
    expect(files).toContain('package.json')
    expect(files).toContain('out/main/index.js')
    expect(files).toContain('out/preload/index.cjs')
    expect(files).toContain('out/renderer/index.html')
    for (const file of files) {
      expect(file, file).toMatch(/^(package\.json|out\/(main|preload|renderer)\/.+)$/)
      expect(file, file).not.toMatch(/\.map$/)
    }
    // So no source, tests, fixtures, relay bundle or docs.
    expect(own.filter((p) => /^(src|test|bench|docs|resources|out\/relay)(\/|$)/.test(p))).toEqual(
      [],
    )
  })

  it('ships only runtime dependencies of main, never a devDependency or better-sqlite3', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const { stdout } = await promisify(execFile)(
      'npm',
      ['ls', '--omit=dev', '--all', '--parseable'],
      { cwd: root, maxBuffer: 16 << 20 },
    ).catch((error: { stdout: string }) => error) // npm ls exits 1 on a mere "extraneous"
    const production = new Set(
      stdout
        .split('\n')
        .filter((line) => line.includes('node_modules'))
        .map((line) => relative(join(root, 'node_modules'), line).split('/node_modules/')[0] ?? ''),
    )
    const shipped = shippedModules()
    expect(shipped.size).toBeGreaterThan(0)
    for (const name of shipped)
      expect(production, `${name} is not a production dependency`).toContain(name)
    for (const name of Object.keys(pkg.devDependencies)) expect(shipped).not.toContain(name)
    for (const name of ['better-sqlite3', 'bindings', 'prebuild-install', 'redis', 'ws']) {
      expect(shipped, name).not.toContain(name)
    }
    expect(packed.filter((p) => p.includes('sqlite'))).toEqual([])
  })

  it('ships every module the main bundle imports, with what those modules need', () => {
    const shipped = shippedModules()
    const missing: string[] = []
    for (const file of packed.filter((p) => /^out\/main\/.+\.m?js$/.test(p))) {
      for (const name of bareImports(extractFile(asar, file).toString('utf8'))) {
        if (name === 'electron' || isBuiltin(name) || shipped.has(name)) continue
        missing.push(`${file} imports ${name}`)
      }
    }
    for (const name of shipped) {
      for (const dep of Object.keys(packageJson(name).dependencies ?? {})) {
        if (!shipped.has(dep)) missing.push(`${name} needs ${dep}`)
      }
    }
    expect(missing, 'add them to the allow-list in electron-builder.json "files"').toEqual([])
  })

  it('unpacks native code (keytar, N-API) next to the archive, and ships no other', () => {
    const native = packed.filter((p) => p.endsWith('.node'))
    expect(native).toEqual([expect.stringMatching(/^out\/main\/chunks\/keytar-[\w-]+\.node$/)])
    for (const file of native) {
      expect(existsSync(join(app, 'resources/app.asar.unpacked', file)), file).toBe(true)
    }
  })

  it('writes the update feed from ONDECK_UPDATE_URL into app-update.yml', () => {
    const yml = readFileSync(join(app, 'resources/app-update.yml'), 'utf8')
    expect(yml).toMatch(/^provider: generic$/m)
    expect(yml).toContain(`url: ${FEED}`)
  })

  it('flips every fuse in the executable as electron-builder.json says', () => {
    const binary = readFileSync(join(app, 'ondeck'))
    const at = binary.indexOf(SENTINEL) + SENTINEL.length
    expect([binary[at], binary[at + 1]]).toEqual([1, 8])
    // runAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only-asar,
    // browser V8 snapshot, file: privileges
    expect(binary.toString('latin1', at + 2, at + 10)).toBe('01001100')
  })

  it('ships the tray icons outside the archive', () => {
    expect(existsSync(join(app, 'resources/tray'))).toBe(true)
  })
})
