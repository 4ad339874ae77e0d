import { insecureEndpointReason } from '../../../../shared/secure-endpoint'

/** Opsgenie's regions are separate accounts: a key only works on the host of its own region. */
export const OPSGENIE_HOSTS = {
  us: 'https://api.opsgenie.com',
  eu: 'https://api.eu.opsgenie.com',
} as const

export type OpsgenieRegion = keyof typeof OPSGENIE_HOSTS

/**
 * Turns `us`, `eu` or a base URL (the simulator, a proxy, tests) into a base URL without a
 * trailing slash. Throws on anything else so a typo never sends the key somewhere unexpected, and
 * on plain http to another computer, where the key would cross the network in the clear.
 */
export function resolveHost(host: OpsgenieRegion | string): string {
  const trimmed = host.trim()
  if (trimmed === 'us' || trimmed === 'eu') return OPSGENIE_HOSTS[trimmed]
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new Error(`invalid Opsgenie host "${host}": use us, eu or an http(s) base URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`invalid Opsgenie host "${host}": the URL must be http or https`)
  }
  const insecure = insecureEndpointReason(url, 'Opsgenie host')
  if (insecure !== undefined) throw new Error(`invalid Opsgenie host "${host}": ${insecure}`)
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(
      `invalid Opsgenie host "${host}": a base URL has no query, fragment or credentials`,
    )
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
