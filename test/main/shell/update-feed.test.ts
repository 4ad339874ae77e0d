import { describe, expect, it } from 'vitest'
import { chooseFeed, releaseFeedProblem } from '../../../src/main/shell/update-feed'

/** What electron-builder writes into resources/app-update.yml from `publish`. */
const packaged = (url: string): string =>
  `provider: generic\nurl: ${url}\nupdaterCacheDirName: ondeck-updater\n`
const FEED = 'https://updates.example.com/ondeck'

describe('chooseFeed', () => {
  it('never checks in development', () => {
    const choice = chooseFeed({ isPackaged: false, packagedConfig: packaged(FEED), override: FEED })
    expect(choice).toMatchObject({ check: false, reason: 'development build' })
  })

  it('checks the feed built into the app', () => {
    expect(
      chooseFeed({ isPackaged: true, packagedConfig: packaged(FEED), override: undefined }),
    ).toEqual({
      check: true,
      url: FEED,
      source: 'packaged',
    })
    const quoted = "provider: generic\nurl: 'https://updates.example.com/x'\n"
    expect(chooseFeed({ isPackaged: true, packagedConfig: quoted, override: '' })).toMatchObject({
      url: 'https://updates.example.com/x',
    })
  })

  it('does not check a build without a feed', () => {
    expect(
      chooseFeed({ isPackaged: true, packagedConfig: undefined, override: undefined }),
    ).toEqual({
      check: false,
      reason: 'this build has no update feed (no app-update.yml)',
    })
    expect(
      chooseFeed({ isPackaged: true, packagedConfig: 'provider: generic\n', override: undefined }),
    ).toMatchObject({ check: false, misconfigured: true })
  })

  it('refuses a packaged feed that is not https', () => {
    for (const url of ['http://updates.example.com/', 'http://127.0.0.1:8080/', 'not a url']) {
      expect(
        chooseFeed({ isPackaged: true, packagedConfig: packaged(url), override: undefined }),
        url,
      ).toMatchObject({ check: false, misconfigured: true })
    }
  })

  it('takes ONDECK_UPDATE_URL at run time only for a test feed on this computer', () => {
    const base = { isPackaged: true, packagedConfig: packaged(FEED) }
    expect(chooseFeed({ ...base, override: ' http://127.0.0.1:8080/ ' })).toEqual({
      check: true,
      url: 'http://127.0.0.1:8080/',
      source: 'override',
    })
    expect(chooseFeed({ ...base, override: 'https://localhost:9443/feed' })).toMatchObject({
      check: true,
      source: 'override',
    })
    // Another host in the environment does not quietly replace the built-in feed either.
    expect(chooseFeed({ ...base, override: 'https://evil.example.net/ondeck' })).toEqual({
      check: false,
      reason: 'ONDECK_UPDATE_URL may only name a test feed on this computer, got evil.example.net',
      misconfigured: true,
    })
  })

  it('names the problem with a malformed or credentialed override', () => {
    const base = { isPackaged: true, packagedConfig: undefined }
    expect(chooseFeed({ ...base, override: 'updates.example.com' })).toMatchObject({
      check: false,
      reason: 'ONDECK_UPDATE_URL is not a URL: updates.example.com',
    })
    const credentialed = chooseFeed({ ...base, override: 'http://u:secret@127.0.0.1:1/' })
    expect(credentialed).toMatchObject({ check: false, misconfigured: true })
    expect(JSON.stringify(credentialed)).not.toContain('secret')
  })
})

describe('releaseFeedProblem (npm run dist:*)', () => {
  it('asks for ONDECK_UPDATE_URL when it is unset, saying what it is for', () => {
    expect(releaseFeedProblem(undefined)).toMatch(/^ONDECK_UPDATE_URL is not set\. .*https/)
    expect(releaseFeedProblem('  ')).toMatch(/is not set/)
  })

  it('accepts only a plain https URL', () => {
    expect(releaseFeedProblem(FEED)).toBeUndefined()
    expect(releaseFeedProblem('http://127.0.0.1:8080/')).toBe(
      'ONDECK_UPDATE_URL must be https for a release',
    )
    expect(releaseFeedProblem('http://updates.example.com/')).toMatch(/must be an https URL/)
    expect(releaseFeedProblem('https://updates.example.com/?t=1')).toMatch(/query/)
    expect(releaseFeedProblem('ondeck')).toMatch(/not a URL/)
  })
})
