export type FeedChoice =
  | {
      readonly check: true
      readonly url: string
      /** `packaged`: app-update.yml, read by electron-updater itself; `override`: a loopback test feed. */
      readonly source: 'packaged' | 'override'
    }
  | { readonly check: false; readonly reason: string; readonly misconfigured?: true }

export interface FeedInputs {
  readonly isPackaged: boolean
  /** app-update.yml's text, written by electron-builder from `publish`; undefined when absent. */
  readonly packagedConfig: string | undefined
  /** ONDECK_UPDATE_URL at run time: only a loopback feed, for testing an update locally. */
  readonly override: string | undefined
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Whether to look for updates, and where. Development builds never check (there is nothing to
 * install over). The feed is the one built into the app (`publish.url` in electron-builder.json,
 * from ONDECK_UPDATE_URL at build time, into app-update.yml) and must be https: an update is code
 * the app will run. At run time ONDECK_UPDATE_URL may only point at this computer, so a changed
 * environment cannot send the app to someone else's feed (on Linux nothing else checks an update).
 */
export function chooseFeed(inputs: FeedInputs): FeedChoice {
  if (!inputs.isPackaged) return { check: false, reason: 'development build' }
  const override = inputs.override?.trim() ?? ''
  if (override !== '') {
    const url = parseFeed(override, 'ONDECK_UPDATE_URL')
    if (typeof url === 'string') return { check: false, reason: url, misconfigured: true }
    if (!LOOPBACK.has(url.hostname)) {
      return {
        check: false,
        reason: `ONDECK_UPDATE_URL may only name a test feed on this computer, got ${url.host}`,
        misconfigured: true,
      }
    }
    return { check: true, url: url.href, source: 'override' }
  }
  if (inputs.packagedConfig === undefined) {
    return { check: false, reason: 'this build has no update feed (no app-update.yml)' }
  }
  const raw = feedUrlIn(inputs.packagedConfig)
  if (raw === undefined) {
    return { check: false, reason: 'app-update.yml names no url', misconfigured: true }
  }
  const url = parseFeed(raw, 'app-update.yml url')
  if (typeof url === 'string') return { check: false, reason: url, misconfigured: true }
  if (url.protocol !== 'https:') {
    return { check: false, reason: 'app-update.yml url must be https', misconfigured: true }
  }
  return { check: true, url: url.href, source: 'packaged' }
}

/** A URL that may serve updates (https, or http on loopback; no credentials), or why not. */
function parseFeed(value: string, what: string): URL | string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${what} is not a URL: ${value}`
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  if (!secure || url.username !== '' || url.password !== '') {
    return `${what} must be an https URL without credentials, got ${url.protocol}//${url.host}`
  }
  return url
}

/** The `url:` line electron-builder writes for the generic provider (one line, maybe quoted). */
function feedUrlIn(config: string): string | undefined {
  for (const line of config.split(/\r?\n/)) {
    const match = /^url:\s*(.+?)\s*$/.exec(line)
    if (match?.[1] !== undefined) return match[1].replace(/^(['"])(.*)\1$/, '$2')
  }
  return undefined
}

/**
 * Checked before `npm run dist:*` packs a release (src/main/shell/dist-preflight.ts): the feed built into
 * app-update.yml must be a real https URL, never loopback, so a release can update.
 */
export function releaseFeedProblem(raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? ''
  if (value === '') {
    return (
      'ONDECK_UPDATE_URL is not set. Set it to the https URL of the update feed this release ' +
      'will check (it is written into app-update.yml), e.g. ' +
      'ONDECK_UPDATE_URL=https://<your update host>/ondeck npm run dist:linux'
    )
  }
  const url = parseFeed(value, 'ONDECK_UPDATE_URL')
  if (typeof url === 'string') return url
  if (url.protocol !== 'https:') return 'ONDECK_UPDATE_URL must be https for a release'
  if (url.search !== '' || url.hash !== '') {
    return 'ONDECK_UPDATE_URL must not carry a query or fragment'
  }
  return undefined
}
