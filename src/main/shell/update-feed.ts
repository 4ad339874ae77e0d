export type FeedChoice =
  | { readonly check: true; readonly url: string }
  | { readonly check: false; readonly reason: string; readonly misconfigured?: true }

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Whether to look for updates, and where. Development builds never check (there is nothing to
 * install over). The feed must be https (plain http only on loopback, for a local test feed):
 * an update is code the app will run.
 */
export function chooseFeed(raw: string | undefined, isPackaged: boolean): FeedChoice {
  if (!isPackaged) return { check: false, reason: 'development build' }
  const value = raw?.trim() ?? ''
  if (value === '') return { check: false, reason: 'no update feed configured (ONDECK_UPDATE_URL)' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { check: false, reason: `ONDECK_UPDATE_URL is not a URL: ${value}`, misconfigured: true }
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  if (!secure || url.username !== '' || url.password !== '') {
    return {
      check: false,
      reason: `ONDECK_UPDATE_URL must be an https URL without credentials, got ${url.protocol}//${url.host}`,
      misconfigured: true,
    }
  }
  return { check: true, url: url.href }
}
