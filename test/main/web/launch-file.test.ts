import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { launchPage, writeLaunchFile } from '../../../src/main/web/launch-file'

const URL_WITH_TOKEN = 'http://127.0.0.1:4321/launch#launch=abcDEF_-123&demo'

describe('the launch file the browser is opened on', () => {
  it('is readable by this user only, and its path carries no secret', async () => {
    const file = await writeLaunchFile(URL_WITH_TOKEN)
    try {
      expect(statSync(file.path).mode & 0o777).toBe(0o600)
      expect(statSync(dirname(file.path)).mode & 0o777).toBe(0o700)
      expect(file.path).not.toContain('abcDEF')
      expect(readFileSync(file.path, 'utf8')).toBe(launchPage(URL_WITH_TOKEN))
    } finally {
      await file.remove()
    }
    expect(existsSync(dirname(file.path))).toBe(false)
  })

  it('sends the browser on with location.replace, escaping the URL for script and attribute', () => {
    const page = launchPage(URL_WITH_TOKEN)
    expect(page).toContain(`location.replace("${URL_WITH_TOKEN}")`)
    expect(page).toContain('href="http://127.0.0.1:4321/launch#launch=abcDEF_-123&amp;demo"')
    const hostile = launchPage('http://127.0.0.1:1/#"</script><script>alert(1)</script>')
    expect(hostile).not.toContain('</script><script>')
    expect(hostile).not.toMatch(/href="[^"]*"[^>]*<script/)
  })
})
