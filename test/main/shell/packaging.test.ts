import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { Ajv } from 'ajv'
import { describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { APP_ID } = await import('../../../src/main/shell/start-desktop')
const { TRAY_STATES, trayIconFile } = await import('../../../src/main/shell/tray-status')

const root = join(import.meta.dirname, '../../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  appId: string
  productName: string
  files: string[]
  extraResources: { from: string; to: string }[]
  electronFuses: Record<string, boolean>
  linux: { target: string[]; icon: string }
  win: {
    target: string[]
    verifyUpdateCodeSignature?: boolean
    signtoolOptions?: { publisherName?: string | string[] }
  }
  mac: {
    target: string[]
    extendInfo: Record<string, string>
    hardenedRuntime?: boolean
    entitlements: string
    entitlementsInherit: string
    notarize: boolean
  }
  publish: { provider: string; url: string }
  npmRebuild: boolean
  protocols: { name: string; schemes: string[] }[]
}

/** Width, height and RGBA pixels of a PNG written by resources/draw-icons.ts (8-bit RGBA, filter 0). */
function readPng(path: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(path)
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  const idat: Buffer[] = []
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at)
    if (data.toString('ascii', at + 4, at + 8) === 'IDAT')
      idat.push(data.subarray(at + 8, at + 8 + length))
    at += length + 12
  }
  const rows = inflateSync(Buffer.concat(idat))
  const pixels = Buffer.concat(
    Array.from({ length: height }, (_, y) =>
      rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)),
    ),
  )
  return { width, height, pixels }
}

describe('electron-builder config', () => {
  it('names the app as the code does (Windows routes notifications by appId)', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe('Ondeck')
  })

  it('is a configuration electron-builder 26 accepts (its own JSON schema)', () => {
    const scheme = JSON.parse(
      readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as object
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true })
    const validate = ajv.compile(scheme)
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true)
  })

  it('builds Linux AppImage and deb, a macOS dmg and zip (updates need the zip), a Windows installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('has a dist script per platform that checks the feed and builds before packing', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const platforms = { linux: '--linux AppImage deb', mac: '--mac dmg zip', win: '--win nsis' }
    for (const [platform, targets] of Object.entries(platforms)) {
      expect(scripts[`dist:${platform}`]).toBe(
        `npm run dist:check && electron-vite build && electron-builder ${targets} --publish never`,
      )
    }
    expect(scripts['dist:check']).toBe('tsx src/main/shell/dist-preflight.ts')
  })

  it("packages only the built main, preload and renderer, and only main's runtime modules", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }
    expect(config.files.slice(0, 4)).toEqual([
      'out/main/**/*',
      'out/preload/**/*',
      'out/renderer/**/*',
      'package.json',
    ])
    expect(pkg.main.replace(/^\.\//, '')).toMatch(/^out\/main\//)
    // electron-builder applies only exclusions to node_modules: one that spares the allow-list.
    const allow = config.files.find((f) => f.startsWith('!node_modules/!('))
    expect(allow).toMatch(/^!node_modules\/!\([a-z0-9.|-]+\)\/\*\*$/)
    expect(allow).not.toMatch(/sqlite|bindings|prebuild/)
    // keytar is N-API and better-sqlite3 never ships: no rebuild of the repo's node_modules.
    expect(config.npmRebuild).toBe(false)
  })

  it('signs macOS with the hardened runtime, only the JIT exception, and notarizes', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.notarize).toBe(true)
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
  })

  it('takes the update feed from ONDECK_UPDATE_URL at build time, never a made-up host', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.ONDECK_UPDATE_URL}' })
  })

  it('flips the fuses that close Node-level backdoors into the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('names the Windows publisher, so electron-updater verifies each update against it', () => {
    // electron-updater 6 skips the Authenticode check when app-update.yml has no publisherName
    expect(config.win.signtoolOptions?.publisherName).toBe('Ondeck')
    expect(config.win.verifyUpdateCodeSignature).toBe(true)
  })

  it('turns no signature check off anywhere, and publishes over https', () => {
    const text = readFileSync(join(root, 'electron-builder.json'), 'utf8')
    expect(text).not.toMatch(/"verifyUpdateCodeSignature"\s*:\s*false/)
    expect(text).not.toMatch(/"(sign|signtoolOptions|identity)"\s*:\s*null/)
    expect(config.mac.hardenedRuntime).toBe(true)
  })

  it('declares ondeck:// for the packaged app (macOS Info.plist, the Linux .desktop entry)', () => {
    expect(config.protocols).toEqual([{ name: 'Ondeck alerts link', schemes: ['ondeck'] }])
  })

  it('lets macOS show notification buttons', () => {
    expect(config.mac.extendInfo['NSUserNotificationAlertStyle']).toBe('alert')
  })

  it('ships the tray icons outside the archive, where the tray code looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/tray', to: 'tray' })
    expect(existsSync(join(root, config.linux.icon))).toBe(true)
  })
})

describe('icons', () => {
  it('has a 16px and a 32px (@2x) PNG for every tray state, each state drawn differently', () => {
    const drawn = new Set<string>()
    for (const state of TRAY_STATES) {
      const file = join(root, 'resources/tray', trayIconFile(state))
      const small = readPng(file)
      const large = readPng(file.replace(/\.png$/, '@2x.png'))
      expect([small.width, small.height, large.width, large.height]).toEqual([16, 16, 32, 32])
      drawn.add(small.pixels.toString('base64'))
    }
    expect(drawn.size).toBe(TRAY_STATES.length)
  })

  it('has a 512px application icon', () => {
    expect(readPng(join(root, 'resources/icon.png')).width).toBe(512)
  })
})
