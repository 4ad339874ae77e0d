import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/**
 * On Windows electron-updater checks an update's Authenticode signature against the
 * `publisherName` in app-update.yml (written by electron-builder from `win.signtoolOptions`), and
 * silently skips the check when there is none or when `verifyUpdateCodeSignature: false`. An
 * update is code the app will run, so without that check the shell does not update at all.
 * A line-level reading of the one file electron-builder writes; anything unexpected refuses.
 */
export function windowsSignatureCheck(updateConfig: string | undefined): SignatureCheck {
  if (updateConfig === undefined) {
    return { ok: false, reason: 'no app-update.yml, so no publisherName to verify updates against' }
  }
  const lines = updateConfig.split(/\r?\n/)
  if (lines.some((line) => /^verifyUpdateCodeSignature:\s*false\s*$/.test(line))) {
    return { ok: false, reason: 'app-update.yml turns the update signature check off' }
  }
  const at = lines.findIndex((line) => /^publisherName:/.test(line))
  if (at === -1) return { ok: false, reason: 'app-update.yml names no publisherName' }
  const inline = lines[at]?.replace(/^publisherName:\s*/, '').trim() ?? ''
  const listed = /^\s+-\s*\S/.test(lines[at + 1] ?? '')
  if ((inline === '' || inline === 'null' || inline === '[]') && !listed) {
    return { ok: false, reason: 'app-update.yml has an empty publisherName' }
  }
  return { ok: true }
}

/** The packaged app's app-update.yml, or undefined when there is none. */
export function readPackagedUpdateConfig(): string | undefined {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8')
  } catch {
    return undefined
  }
}
