/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named). Each
 * benchmark prints its own table and writes `bench/results/<name>.json`.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

function availableBenchmarks(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort()
}

async function main(): Promise<void> {
  const available = availableBenchmarks()
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const unknown = requested.filter((r) => !available.includes(r))
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`)
    process.exit(2)
  }
  for (const name of requested.length > 0 ? requested : available) {
    console.log(`\n== bench: ${name} ==`)
    const module: unknown = await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)
    const run = (module as Record<string, unknown>)['main']
    if (typeof run !== 'function') throw new Error(`bench/${name}.bench.ts exports no main()`)
    await (run as () => Promise<unknown>)()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
