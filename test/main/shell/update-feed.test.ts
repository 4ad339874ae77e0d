import { describe, expect, it } from 'vitest'
import { chooseFeed } from '../../../src/main/shell/update-feed'

describe('chooseFeed', () => {
  it('never checks in development', () => {
    expect(chooseFeed('https://updates.example.com/ondeck', false)).toMatchObject({ check: false })
  })

  it('does not check when no feed is set', () => {
    expect(chooseFeed(undefined, true)).toEqual({
      check: false,
      reason: 'no update feed configured (ONDECK_UPDATE_URL)',
    })
    expect(chooseFeed('  ', true)).toMatchObject({ check: false })
  })

  it('checks an https feed', () => {
    expect(chooseFeed(' https://updates.example.com/ondeck/ ', true)).toEqual({
      check: true,
      url: 'https://updates.example.com/ondeck/',
    })
  })

  it('allows plain http only on loopback', () => {
    expect(chooseFeed('http://127.0.0.1:8080/', true)).toMatchObject({ check: true })
    expect(chooseFeed('http://updates.example.com/', true)).toMatchObject({
      check: false,
      misconfigured: true,
      reason: expect.stringContaining('must be an https URL'),
    })
  })

  it('names the problem with a malformed or credentialed feed', () => {
    expect(chooseFeed('updates.example.com', true)).toMatchObject({
      check: false,
      reason: 'ONDECK_UPDATE_URL is not a URL: updates.example.com',
    })
    const credentialed = chooseFeed('https://u:secret@updates.example.com/', true)
    expect(credentialed).toMatchObject({ check: false, misconfigured: true })
    expect(JSON.stringify(credentialed)).not.toContain('secret')
  })
})
