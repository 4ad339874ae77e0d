import { resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Each runtime is typechecked with its own libs and types (tsconfig.<runtime>.json, built together
 * by `tsc -b`), so a global that does not exist where the code runs is a type error. This compiles
 * one-line probes under each runtime's options and checks what is and is not visible.
 */
const TIMEOUT_MS = 60_000

/** lib and @types files, parsed once for all probes: they are most of each probe's cost. */
const parsedFiles = new Map<string, ts.SourceFile>()

function typeErrors(config: string, fileName: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(config), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    },
  })
  if (parsed === undefined) throw new Error(`cannot read ${config}`)
  const options = { ...parsed.options, composite: false, emitDeclarationOnly: false, noEmit: true }
  const probe = resolve(fileName)
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (name, language, ...rest) => {
    if (name === probe) return ts.createSourceFile(name, code, language)
    let file = parsedFiles.get(name)
    if (file === undefined) {
      file = getSourceFile.call(host, name, language, ...rest)
      if (file !== undefined) parsedFiles.set(name, file)
    }
    return file
  }
  host.fileExists = (name) => name === probe || fileExists.call(host, name)
  host.readFile = (name) => (name === probe ? code : readFile.call(host, name))
  // the config's own declaration files (src/shared/web-platform.d.ts) plus the probe
  const roots = [...parsed.fileNames.filter((f) => f.endsWith('.d.ts')), probe]
  const program = ts.createProgram({ rootNames: roots, options, host })
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('a tsconfig per runtime', { timeout: TIMEOUT_MS }, () => {
  it.each([
    ['tsconfig.shared.json', 'src/shared/probe.ts', 'export const a = window.location'],
    ['tsconfig.shared.json', 'src/shared/probe.ts', 'export const a = document.title'],
    ['tsconfig.shared.json', 'src/shared/probe.ts', "export const a = Buffer.from('x')"],
    ['tsconfig.shared.json', 'src/shared/probe.ts', 'export const a = process.env'],
    ['tsconfig.shared.json', 'src/shared/probe.ts', 'export const a = new URL("x").searchParams'],
    ['tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const a = process.env'],
    ['tsconfig.web.json', 'src/renderer/src/probe.ts', "export const a = Buffer.from('x')"],
    ['tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const a = __dirname'],
    ['tsconfig.node.json', 'src/main/gateway/probe.ts', 'export const a = document.title'],
    ['tsconfig.node.json', 'src/relay/probe.ts', 'export const a = window.location'],
  ])('%s rejects in %s: %s', (config, file, code) => {
    expect(typeErrors(config, file, code)).not.toEqual([])
  })

  it.each([
    ['tsconfig.shared.json', 'src/shared/probe.ts', "export const a = new URL('x').hostname"],
    ['tsconfig.shared.json', 'src/shared/probe.ts', 'export const a = [1, 2].findLast(Boolean)'],
    ['tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const a = window.location.href'],
    ['tsconfig.preload.json', 'src/preload/probe.ts', 'export const a = window.location.href'],
    ['tsconfig.node.json', 'src/main/gateway/probe.ts', "export const a = Buffer.from('x')"],
    ['tsconfig.node.json', 'src/simulator/probe.ts', 'export const a = process.env'],
  ])('%s accepts in %s: %s', (config, file, code) => {
    expect(typeErrors(config, file, code)).toEqual([])
  })
})
