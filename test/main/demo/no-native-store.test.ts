import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')
const SHARED = join(ROOT, 'src/shared')

/** Packages the desktop app must never load: native or relay-deployment-only database clients. */
const FORBIDDEN = ['better-sqlite3', 'redis', '@redis/client']

/** Resolves a relative or `@shared/` import to a source file, as the bundler would. */
function resolveSource(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@shared/')
    ? join(SHARED, specifier.slice('@shared/'.length))
    : resolve(dirname(from), specifier)
  const stem = base.replace(/\.js$/, '')
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts')]) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * Every package reachable from `entry` through value imports (type-only imports are erased and
 * load nothing), with the file chain that reaches each one.
 */
function reachablePackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>()
  const seen = new Set<string>()
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    const imports = text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)
    for (const [, typeOnly, specifier] of imports) {
      if (typeOnly !== undefined || specifier === undefined) continue
      if (specifier.startsWith('.') || specifier.startsWith('@shared/')) {
        const target = resolveSource(file, specifier)
        if (target === undefined) throw new Error(`${file}: cannot resolve ${specifier}`)
        walk(target, [...chain, target])
      } else if (!specifier.startsWith('node:')) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0]
        if (name !== undefined && !packages.has(name)) packages.set(name, chain)
      }
    }
  }
  walk(entry, [entry])
  return packages
}

describe('the Demo workspace inside the desktop app', () => {
  it('reaches no database module: its relay keeps events and tokens in memory', () => {
    const packages = reachablePackages(join(ROOT, 'src/main/demo/demo-workspace.ts'))
    const offenders = FORBIDDEN.filter((name) => packages.has(name)).map(
      (name) =>
        `${name} via ${packages
          .get(name)
          ?.map((f) => f.slice(ROOT.length + 1))
          .join(' -> ')}`,
    )
    expect(offenders).toEqual([])
    // The walk itself works: it does see what the relay and simulator really use.
    expect(packages.has('zod')).toBe(true)
  })

  it('the same walk finds better-sqlite3 and redis behind relay serve', () => {
    const packages = reachablePackages(join(ROOT, 'src/relay/index.ts'))
    expect(packages.has('better-sqlite3')).toBe(true)
    expect(packages.has('redis')).toBe(true)
  })
})
