import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface LaunchFile {
  /** A file path, safe to show to other users: it carries no secret. */
  readonly path: string
  remove(): Promise<void>
}

/**
 * A page that sends the browser on to the launch URL, readable by this user only (a 0700 folder,
 * a 0600 file). The opener (`xdg-open`, `open`, `explorer`) is given this path instead of the URL,
 * because every user on the machine can read a process's command line (`ps`), and the URL carries
 * the launch token.
 */
export async function writeLaunchFile(launchUrl: string): Promise<LaunchFile> {
  const folder = await mkdtemp(join(tmpdir(), 'ondeck-launch-'))
  const path = join(folder, 'open-ondeck.html')
  await writeFile(path, launchPage(launchUrl), { mode: 0o600, flag: 'wx' })
  return { path, remove: () => rm(folder, { recursive: true, force: true }) }
}

/** `location.replace` so the file is not left in the tab's back list; a link if scripts are off. */
export function launchPage(launchUrl: string): string {
  const script = JSON.stringify(launchUrl).replace(/</g, '\\u003c')
  const attribute = launchUrl
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Opening Ondeck…</title>',
    `<script>location.replace(${script})</script>`,
    `<p><a href="${attribute}">Open Ondeck</a></p>`,
    '',
  ].join('\n')
}
