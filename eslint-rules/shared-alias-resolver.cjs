'use strict'
/**
 * An import resolver (eslint-module-utils interface v2) for the `@shared/*` alias that
 * tsconfig and the vite configs define. eslint-plugin-boundaries classifies an import by the file
 * it resolves to; without this, `@shared/...` would look like an unknown npm package and escape
 * the folder rules. Anything else is left to the next resolver (node, with TypeScript extensions).
 */
const fs = require('node:fs')
const path = require('node:path')

const ALIAS = '@shared/'
const ROOT = path.resolve(__dirname, '..', 'src', 'shared')
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx', '']

exports.interfaceVersion = 2

exports.resolve = function resolve(source) {
  if (!source.startsWith(ALIAS)) return { found: false }
  const base = path.join(ROOT, source.slice(ALIAS.length))
  if (!base.startsWith(ROOT + path.sep)) return { found: false }
  for (const ext of EXTENSIONS) {
    const candidate = base + ext
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return { found: true, path: candidate }
  }
  return { found: false }
}
