/**
 * The provider's own sites: the only places a link may leave the app for. Anything else a
 * renderer asks to open (a compromised one included) stays closed, so the app cannot be used to
 * launch arbitrary URLs or local handlers (`file:`, `smb:`, custom schemes) through the OS.
 */
const PROVIDER_DOMAINS = ['opsgenie.com', 'atlassian.net', 'atlassian.com'] as const

/** True for `https://<domain>` and `https://<sub>.<domain>` of the provider, without credentials. */
export function isProviderUrl(url: string): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  if (target.protocol !== 'https:') return false
  if (target.username !== '' || target.password !== '') return false
  const host = target.hostname
  return PROVIDER_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
}
