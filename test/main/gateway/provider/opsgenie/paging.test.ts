import { describe, expect, it } from 'vitest'
import {
  collectPages,
  hitsCap,
  nextStep,
  pageWindow,
  type Page,
} from '../../../../../src/main/gateway/provider/opsgenie/paging'

const base = 'http://127.0.0.1:4000'

describe('nextStep', () => {
  it('stops when there is no next link', () => {
    expect(nextStep(undefined, base)).toEqual({ stop: 'done' })
    expect(nextStep('', base)).toEqual({ stop: 'done' })
  })

  it('keeps only the path and query of an absolute link, whatever its host', () => {
    expect(
      nextStep('https://api.opsgenie.com/v2/alerts?query=status%3Aopen&offset=20&limit=10', base),
    ).toEqual({
      path: '/v2/alerts?query=status%3Aopen&offset=20&limit=10',
    })
  })

  it('strips a base path prefix the link repeats', () => {
    expect(
      nextStep('http://127.0.0.1:4000/jsm/v2/alerts?offset=20&limit=20', `${base}/jsm`),
    ).toEqual({ path: '/v2/alerts?offset=20&limit=20' })
  })

  it('follows up to offset + limit = cap, and stops before passing it', () => {
    expect(nextStep(`${base}/v2/alerts?offset=19900&limit=100`, base, 20_000)).toEqual({
      path: '/v2/alerts?offset=19900&limit=100',
    })
    expect(nextStep(`${base}/v2/alerts?offset=20000&limit=100`, base, 20_000)).toEqual({
      stop: 'cap',
    })
    expect(nextStep(`${base}/v2/alerts?offset=19950&limit=100`, base, 20_000)).toEqual({
      stop: 'cap',
    })
  })

  it('assumes the default limit 20 when the link omits it', () => {
    expect(nextStep(`${base}/v2/alerts?offset=19980`, base, 20_000)).toEqual({
      path: '/v2/alerts?offset=19980',
    })
    expect(nextStep(`${base}/v2/alerts?offset=19981`, base, 20_000)).toEqual({ stop: 'cap' })
  })

  it('applies no cap when none is given', () => {
    expect(nextStep(`${base}/v1/services?offset=50000&limit=100`, base)).toEqual({
      path: '/v1/services?offset=50000&limit=100',
    })
  })
})

describe('collectPages', () => {
  async function* pages(list: Page<number>[]): AsyncGenerator<Page<number>> {
    yield* list
  }

  it('concatenates pages and reports the cap from the last page', async () => {
    const collected = await collectPages(
      pages([
        { items: [1, 2], stoppedAtCap: false },
        { items: [3], stoppedAtCap: true },
      ]),
    )
    expect(collected).toEqual({ items: [1, 2, 3], pages: 2, stoppedAtCap: true })
  })

  it('handles an empty listing', async () => {
    expect(await collectPages(pages([]))).toEqual({ items: [], pages: 0, stoppedAtCap: false })
  })
})

describe('hitsCap and pageWindow', () => {
  it('flags a full page whose successor would pass the cap', () => {
    expect(hitsCap({ offset: 19_900, limit: 100 }, 100, 20_000)).toBe(true)
    expect(hitsCap({ offset: 19_800, limit: 100 }, 100, 20_000)).toBe(false)
    expect(hitsCap({ offset: 19_900, limit: 100 }, 99, 20_000)).toBe(false)
    expect(hitsCap({ offset: 19_990, limit: 20 }, 20, 20_000)).toBe(true)
  })

  it('reads the window from the query or the link, with Opsgenie defaults', () => {
    expect(pageWindow('/v2/alerts', { limit: 100, offset: undefined })).toEqual({
      offset: 0,
      limit: 100,
    })
    expect(pageWindow('/v2/alerts?offset=40&limit=10', undefined)).toEqual({
      offset: 40,
      limit: 10,
    })
    expect(pageWindow('/v2/alerts', undefined)).toEqual({ offset: 0, limit: 20 })
  })
})
