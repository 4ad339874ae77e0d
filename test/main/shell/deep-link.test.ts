import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, fakeEvent } from '../../support/electron-mock'
import { ALERT_SORTS } from '../../../src/renderer/src/alerts/alert-view-store'
import { buildOndeckApi } from '../../../src/shared/ipc/api'
import { LINK_SORTS } from '../../../src/shared/ipc/links'
import type { RequestName } from '../../../src/shared/ipc/contract'

vi.mock('electron', () => electronMock)

const { createDeepLinks, linkInArgv, parseAlertsLink } =
  await import('../../../src/main/shell/deep-link')
const { registerProtocolClient } = await import('../../../src/main/shell/protocol-client')
const { claimSingleInstance } = await import('../../../src/main/shell/single-instance')
const { createIpcRouter } = await import('../../../src/main/gateway/ipc/router')

const refusal = (url: string): string => {
  const parsed = parseAlertsLink(url)
  if (parsed.ok) throw new Error(`${url} was accepted`)
  return parsed.error
}

describe('parsing ondeck://alerts links', () => {
  it('reads every known field into the normalised link', () => {
    expect(
      parseAlertsLink(
        'ondeck://alerts?status=all&p=p2,P1,P2&ack=no&mine=1&team=Platform&service=Checkout&q=disk%20full&sort=newest&workspace=eu-prod',
      ),
    ).toEqual({
      ok: true,
      link: {
        workspaceId: 'eu-prod',
        status: 'all',
        priorities: ['P1', 'P2'],
        acknowledged: 'no',
        mine: true,
        team: 'Platform',
        service: 'Checkout',
        search: 'disk full',
        sort: 'newest',
      },
    })
    expect(parseAlertsLink('ondeck://alerts')).toEqual({ ok: true, link: {} })
    expect(parseAlertsLink('ondeck://alerts/?mine=0')).toEqual({ ok: true, link: { mine: false } })
  })

  it('refuses anything but the known fields, naming the problem', () => {
    expect(refusal('ondeck://alerts?p=P1&cmd=rm')).toBe(
      'Ondeck ignored a link: unknown field "cmd" (known: status, p, ack, mine, team, service, q, sort, workspace).',
    )
    expect(refusal('ondeck://alerts?p=P1&p=P2')).toBe(
      'Ondeck ignored a link: the field "p" is given twice.',
    )
    expect(refusal('ondeck://alerts?p=P9')).toBe(
      'Ondeck ignored a link: the field "p" is not valid: use P1 to P5, separated by commas.',
    )
    expect(refusal('ondeck://alerts?status=gone')).toContain('"status" is not valid: use open')
    expect(refusal('ondeck://alerts?sort=random')).toContain(`use ${LINK_SORTS.join(', ')}`)
    expect(refusal('ondeck://alerts?mine=maybe')).toContain('"mine" is not valid: use 1 or 0')
    expect(refusal('ondeck://alerts?workspace=../../etc')).toContain('"workspace" is not valid')
    expect(refusal('ondeck://alerts?team=')).toContain('"team" is not valid')
  })

  it('refuses other schemes, targets and parts, and overlong links', () => {
    expect(refusal('https://alerts?p=P1')).toBe(
      'Ondeck ignored a link: it is not an ondeck:// link.',
    )
    expect(refusal('ondeck://incidents?p=P1')).toContain('open only alerts')
    expect(refusal('ondeck://alerts/../settings')).toContain('open only alerts')
    expect(refusal('ondeck://user:pw@alerts?p=P1')).toContain('user, port or fragment')
    expect(refusal('ondeck://alerts#x')).toContain('user, port or fragment')
    expect(refusal(`ondeck://alerts?q=${'x'.repeat(3000)}`)).toContain('longer than 2048')
    expect(refusal('not a url')).toBe('Ondeck ignored a link: it is not a URL.')
  })

  it('names the same orders as the alert list', () => {
    expect([...LINK_SORTS]).toEqual([...ALERT_SORTS])
  })

  it('finds the link on a command line', () => {
    expect(linkInArgv(['/opt/Ondeck/ondeck', '--hidden', 'ondeck://alerts?p=P1'])).toBe(
      'ondeck://alerts?p=P1',
    )
    expect(linkInArgv(['/opt/Ondeck/ondeck'])).toBeUndefined()
  })
})

describe('holding a link until the page takes it', () => {
  it('keeps the latest valid link once, announces it and brings the window up', () => {
    const announce = vi.fn()
    const reveal = vi.fn()
    const log = { warn: vi.fn() }
    const links = createDeepLinks({ announce, reveal, log })
    expect(links.take()).toBeNull()
    links.open('ondeck://alerts?p=P1')
    links.open('ondeck://alerts?p=P2')
    expect(announce).toHaveBeenCalledTimes(2)
    expect(reveal).toHaveBeenCalledTimes(2)
    expect(links.take()).toEqual({ priorities: ['P2'] })
    expect(links.take()).toBeNull()
  })

  it('logs a refused link and keeps nothing from it', () => {
    const announce = vi.fn()
    const log = { warn: vi.fn() }
    const links = createDeepLinks({ announce, reveal: vi.fn(), log })
    links.open('ondeck://alerts?evil=1')
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('unknown field "evil"'))
    expect(announce).not.toHaveBeenCalled()
    expect(links.take()).toBeNull()
  })
})

describe('the OS hands links to the shell', () => {
  beforeEach(() => electronState.reset())
  afterEach(() => vi.restoreAllMocks())

  const setup = (argv: string[], defaultApp = false) => {
    const links = createDeepLinks({ announce: vi.fn(), reveal: vi.fn(), log: { warn: vi.fn() } })
    registerProtocolClient(links, {
      argv,
      defaultApp,
      execPath: '/usr/bin/electron',
      log: { warn: vi.fn() },
    })
    return links
  }

  it('registers ondeck:// (with the script in development) and takes the launch link from argv', () => {
    const links = setup(['/usr/bin/electron', 'out/main/index.js', 'ondeck://alerts?p=P1'], true)
    expect(electronState.app.protocolClients).toEqual([
      {
        scheme: 'ondeck',
        path: '/usr/bin/electron',
        args: [expect.stringMatching(/out\/main\/index\.js$/)],
      },
    ])
    expect(links.take()).toEqual({ priorities: ['P1'] })
    electronState.reset()
    setup(['/opt/Ondeck/ondeck'])
    expect(electronState.app.protocolClients).toEqual([{ scheme: 'ondeck' }])
  })

  it("macOS: 'open-url' is taken over from the OS and routed", () => {
    const links = setup(['/Applications/Ondeck.app/Contents/MacOS/Ondeck'])
    const event = fakeEvent()
    electronState.app.emit('open-url', event, 'ondeck://alerts?ack=no')
    expect(event.defaultPrevented).toBe(true)
    expect(links.take()).toEqual({ acknowledged: 'no' })
  })

  it("Windows and Linux: a second start's command line reaches the running instance", () => {
    const links = setup(['/opt/Ondeck/ondeck'])
    const onSecond = (argv: readonly string[]) => {
      const link = linkInArgv(argv)
      if (link !== undefined) links.open(link)
    }
    expect(claimSingleInstance(() => undefined, onSecond)).toBe(true)
    electronState.app.emit(
      'second-instance',
      fakeEvent(),
      ['ondeck', 'ondeck://alerts?mine=1'],
      '/',
    )
    expect(links.take()).toEqual({ mine: true })
  })
})

describe('the link crosses IPC validated', () => {
  it("the router answers links:take with main's link, and the page's API reads it", async () => {
    const links = createDeepLinks({ announce: vi.fn(), reveal: vi.fn(), log: { warn: vi.fn() } })
    const router = createIpcRouter(
      { 'links:take': async () => links.take() },
      { isTrustedSender: (s) => s.url.startsWith('app://ondeck/') },
    )
    const api = buildOndeckApi({
      invoke: (channel: RequestName, input) =>
        router.dispatch(channel, input, { url: 'app://ondeck/index.html' }),
      subscribe: () => () => undefined,
    })
    links.open('ondeck://alerts?p=P1&q=disk')
    expect(await api.links.take({})).toEqual({
      ok: true,
      value: { priorities: ['P1'], search: 'disk' },
    })
    expect(await api.links.take({})).toEqual({ ok: true, value: null })
    // a foreign page gets nothing
    const foreign = await router.dispatch('links:take', {}, { url: 'https://evil.example/' })
    expect(foreign.ok).toBe(false)
  })

  it('a handler answer outside the contract never reaches the page', async () => {
    const router = createIpcRouter(
      // as a compromised or buggy main module might: a field the link schema does not know
      { 'links:take': async () => ({ priorities: ['P1'], exec: 'rm -rf' }) as never },
      { isTrustedSender: () => true },
    )
    const answer = await router.dispatch('links:take', {}, { url: 'app://ondeck/' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } })
  })
})
